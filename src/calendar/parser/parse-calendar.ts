import type { IToken } from "chevrotain";
import type { Range } from "../../core/range.js";
import { calendarLexer } from "./lexer.js";
import { calendarGrammar } from "./grammar.js";
import { buildBody } from "./to-ast.js";
import { buildFromBody } from "./build-spec.js";
import { splitZoneSuffix, type SuffixContext } from "./suffix.js";
import { asciiLower } from "./ascii.js";
import type { CalendarAst, CalendarBodyNode } from "./ast.js";
import { type CalendarSpec, emptySpec } from "../spec/model.js";
import { type CalendarDiagnostic, parseError } from "../spec/errors.js";
import { SHORTHANDS } from "../spec/shorthands.js";
import { normalizeSpec } from "../spec/normalize.js";
import { specProblem } from "../spec/validate.js";

interface RawParse {
  ast: CalendarAst;
  /** normalized and valid, when `error` is undefined */
  spec?: CalendarSpec;
  error?: CalendarDiagnostic;
}

interface BodyParse {
  body?: CalendarBodyNode;
  /** offset of the first token the grammar could not take */
  errorAt?: number;
  expected?: string;
}

function parseTokens(tokens: IToken[], length: number): BodyParse {
  const grammar = calendarGrammar();
  grammar.input = tokens;
  const cst = grammar.calendar();
  const err = grammar.errors[0];
  if (!err) return { body: buildBody(cst, length) };
  const at = Number.isFinite(err.token.startOffset) ? err.token.startOffset : length;
  return { errorAt: at, expected: err.message };
}

function describe(text: string, at: number): string {
  if (at >= text.length) return `the spec ends too early`;
  const ch = text[at]!;
  if (ch === " ") return `unexpected space at column ${at + 1}`;
  const word = /^[A-Za-z]+/.exec(text.slice(at))?.[0];
  return `unexpected '${word ?? ch}' at column ${at + 1}`;
}

/**
 * When the grammar fails at some offset, systemd may already have failed
 * earlier, e.g. with ERANGE on a number: re-parse the longest grammatical
 * prefix and trust any problem it finds strictly before the cut.
 */
function earlierProblem(tokens: IToken[], errorIndex: number, errorAt: number, text: string): CalendarDiagnostic | undefined {
  for (let cut = errorIndex; cut > 0; cut--) {
    const cutAt = tokens[cut]?.startOffset ?? errorAt;
    const p = parseTokens(tokens.slice(0, cut), cutAt);
    if (!p.body) continue;
    const d = buildFromBody(p.body, emptySpec(), {});
    if (!d || d.range.start >= cutAt || d.range.end > cutAt) return undefined;
    // A seconds value followed by '.' and no digit: systemd's fraction parser
    // fails (EINVAL) before the value's own range check (ERANGE) runs.
    // (The multiplication by 10^6 overflowing is checked before both.)
    const digits = text.slice(d.range.start, d.range.end);
    if (
      d.code === "number-too-large" &&
      d.field === "second" &&
      d.range.end === cutAt &&
      text[cutAt] === "." &&
      !/[0-9.]/.test(text[cutAt + 1] ?? "") &&
      /^[0-9]+$/.test(digits) &&
      BigInt(digits) * 1000000n <= 18446744073709551615n
    )
      return undefined;
    return d;
  }
  return undefined;
}

/** calendar_spec_from_string(): never throws. */
export function parseCalendarRaw(text: string, ctx: SuffixContext): RawParse {
  const split = splitZoneSuffix(text, ctx);
  const ast: CalendarAst = { text, fields: {} };
  if (split.zone) ast.zone = split.zone;
  const spec = emptySpec();
  spec.utc = split.utc;
  spec.dst = split.dst;
  spec.timezone = split.timezone;
  const body = split.body;
  const whole: Range = { start: 0, end: text.length };
  if (body === "") return { ast, error: parseError("empty", "EINVAL", text === "" ? "the spec is empty" : "only a zone was given; add a date or time", whole) };

  const shorthand = SHORTHANDS.get(asciiLower(body));
  const combined = shorthand ? undefined : shorthandWithMore(body);
  if (combined) return { ast, error: combined };
  const clock = shorthand ? undefined : twelveHourClock(body);
  if (clock) return { ast, error: clock };
  if (shorthand) {
    ast.shorthand = { name: body, range: { start: 0, end: body.length } };
    shorthand(spec);
  } else {
    const lexed = calendarLexer().tokenize(body);
    const lexErrorAt = lexed.errors[0]?.offset;
    const tokens = lexErrorAt === undefined ? lexed.tokens : lexed.tokens.filter((t) => t.startOffset < lexErrorAt);
    const parsed = parseTokens(tokens, lexErrorAt ?? body.length);
    if (!parsed.body || lexErrorAt !== undefined) {
      const at = parsed.errorAt ?? lexErrorAt ?? body.length;
      const index = tokens.findIndex((t) => t.startOffset >= at);
      const earlier = earlierProblem(tokens, index < 0 ? tokens.length : index, at, body);
      if (earlier) return { ast, error: earlier };
      const end = at < body.length ? at + (/^[A-Za-z]+/.exec(body.slice(at))?.[0].length || 1) : at;
      return { ast, error: parseError("syntax", "EINVAL", describe(body, at), { start: at, end }) };
    }
    ast.body = parsed.body;
    const problem = buildFromBody(parsed.body, spec, ast.fields, ctx.leapZone);
    // "expected ':' after the hour" points just past the last token; at the end of the text that is an empty range there
    if (problem)
      return { ast, error: { ...problem, range: { start: Math.min(problem.range.start, text.length), end: Math.min(problem.range.end, text.length) } } };
  }

  normalizeSpec(spec);
  const p = specProblem(spec);
  if (p) {
    const range = p.component.range ?? ast.fields[p.field]?.range ?? whole;
    return { ast, error: parseError("value-out-of-range", "EINVAL", p.reason, range, p.field) };
  }
  return { ast, spec };
}

/** `3am`, `3:30 pm`, `12pm`: a 12-hour clock time, as 24-hour `HH:MM:00`; undefined for anything else. */
function clockTime(text: string): string | undefined {
  const m = /^(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\.?$/i.exec(text.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  if (h < 1 || h > 12 || min > 59) return undefined;
  const h24 = (h % 12) + (m[3]!.toLowerCase() === "p" ? 12 : 0);
  return `${String(h24).padStart(2, "0")}:${String(min).padStart(2, "0")}:00`;
}

/** What each shorthand that names a day expands to before its time of day, to write it with another time. */
const DAY_PART: Record<string, string> = { daily: "*-*-*", weekly: "Mon *-*-*", monthly: "*-*-01", yearly: "*-01-01", annually: "*-01-01" };

/**
 * `daily 3am`, `weekly 08:00`: a shorthand stands alone in systemd, so what follows it is the mistake (not the
 * shorthand, where the grammar would stop). Blame the rest, and write the spec that was meant when it is a time.
 */
function shorthandWithMore(body: string): CalendarDiagnostic | undefined {
  const m = /^([A-Za-z]+)([ \t]+)(\S.*)$/s.exec(body);
  if (!m || !SHORTHANDS.has(asciiLower(m[1]!))) return undefined;
  const word = m[1]!;
  const rest = m[3]!;
  const start = word.length + m[2]!.length;
  const day = DAY_PART[asciiLower(word)];
  const time = clockTime(rest) ?? (/^\d{1,2}:\d{2}(:\d{2})?$/.test(rest) ? rest : undefined);
  const meant = day && time ? `${day} ${normalizeClock(time)}` : undefined;
  const d = parseError(
    "syntax",
    "EINVAL",
    `'${word}' is a whole spec on its own and takes nothing after it: '${rest}' cannot follow it${meant ? `; for ${word} at ${rest} write '${meant}'` : ""}`,
    { start, end: body.length },
  );
  if (meant) d.suggestion = meant;
  return d;
}

/** `7:05` → `07:05:00`; a full `HH:MM:SS` stays as it is. */
function normalizeClock(t: string): string {
  const [h, m, sec] = t.split(":");
  return `${h!.padStart(2, "0")}:${m}:${sec ?? "00"}`;
}

/** `3am` alone: systemd reads 24-hour times only. */
function twelveHourClock(body: string): CalendarDiagnostic | undefined {
  const t = clockTime(body);
  if (!t) return undefined;
  const meant = `*-*-* ${t}`;
  const d = parseError("syntax", "EINVAL", `systemd reads 24-hour times only: for every day at ${body.trim()} write '${meant}'`, {
    start: 0,
    end: body.length,
  });
  d.suggestion = meant;
  return d;
}
