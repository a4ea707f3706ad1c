/** Small pieces of systemd's parsing helpers (extract_first_word(), safe_atou(), path checks) that the value grammars share. */
import { parseCInteger } from "./integer.js";
import { problemAt, type ValueProblem } from "./problem.js";

/** A piece of a value with its offsets in the value. */
export interface Piece {
  text: string;
  from: number;
  to: number;
}

const WS = /[ \t\n\r]/;

/** Words split on whitespace with no quote handling: extract_first_word() without EXTRACT_UNQUOTE (quotes stay part of the word). */
export function rawWords(value: string, offset = 0): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && WS.test(value[i]!)) i++;
    if (i >= value.length) break;
    const from = i;
    let text = "";
    for (; i < value.length && !WS.test(value[i]!); i++) {
      if (value[i] === "\\" && i + 1 < value.length) text += value[++i];
      else text += value[i];
    }
    out.push({ text, from: from + offset, to: i + offset });
  }
  return out;
}

/**
 * safe_atou() of systemd 252 (a number up to `max`, 32 bits by default): parseCInteger()'s reading (whitespace, bases
 * by prefix, a sign), then a negative number other than zero is refused, as strtoul() there is made to.
 */
export function safeAtou(s: string, max = 0xffffffff): number | undefined {
  const n = parseCInteger(s);
  return n === undefined || n < 0n || n > BigInt(max) ? undefined : Number(n);
}

/** safe_atoi(): a signed 32-bit number. */
export function safeAtoi(s: string): number | undefined {
  const n = parseCInteger(s);
  return n === undefined || n < -0x80000000n || n > 0x7fffffffn ? undefined : Number(n);
}

const encoder = new TextEncoder();
const bytes = (s: string) => encoder.encode(s).length;

/**
 * What path_simplify_and_warn() says about a path, or null when it takes it: it must be absolute
 * (or relative), each component at most 255 bytes and the whole below 4096, and no `..` component.
 */
export function pathProblem(path: string, mode: "absolute" | "relative" | "any"): string | null {
  const absolute = path.startsWith("/");
  if (mode === "absolute" && !absolute) return "is not an absolute path";
  if (mode === "relative" && absolute) return "must be a relative path (no leading /)";
  const parts = path.split("/").filter((c) => c !== "" && c !== ".");
  const simplified = (absolute ? "/" : "") + parts.join("/");
  if (simplified === "" || bytes(simplified) >= 4096 || parts.some((c) => bytes(c) > 255)) return "has an invalid length";
  if (parts.includes("..")) return "contains a '..' component";
  return null;
}

export interface ExtractFlags {
  /** EXTRACT_UNQUOTE: '…' and "…" group and are removed. */
  unquote?: boolean;
  /** EXTRACT_DONT_COALESCE_SEPARATORS: each separator ends a word, so two in a row give an empty word. */
  dontCoalesce?: boolean;
  /** EXTRACT_RETAIN_ESCAPE: a backslash is an ordinary character (it stays, and escapes nothing). */
  retainEscape?: boolean;
  /**
   * EXTRACT_CUNESCAPE|EXTRACT_UNESCAPE_SEPARATORS: a backslash starts a C escape (\n, \xHH, \uHHHH, octal...) or
   * escapes a separator or a backslash; any other backslash makes the call fail.
   */
  cunescape?: boolean;
}

const LETTER_ESCAPES: Record<string, string> = { a: "\u0007", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "\\": "\\", '"': '"', "'": "'", s: " " };

/**
 * cunescape_one() of systemd 252: the escape whose letter is at `s[i]` (just after the backslash), as the
 * character it stands for and how many characters it takes; undefined when systemd does not know it. NUL
 * (\x00, \000, \u0000) and octal values above 255 are refused, so are \U code points that are not valid.
 */
export function cunescapeOne(s: string, i: number): { char: string; length: number } | undefined {
  const c = s[i];
  if (c === undefined) return undefined;
  if (Object.hasOwn(LETTER_ESCAPES, c)) return { char: LETTER_ESCAPES[c]!, length: 1 };
  if (c === "x" || c === "u" || c === "U") {
    const digits = c === "x" ? 2 : c === "u" ? 4 : 8;
    const text = s.slice(i + 1, i + 1 + digits);
    if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(text)) return undefined;
    const n = parseInt(text, 16);
    if (n === 0) return undefined;
    if (c === "U" && (n >= 0x110000 || (n & 0xfffff800) === 0xd800 || (n >= 0xfdd0 && n <= 0xfdef) || (n & 0xfffe) === 0xfffe)) return undefined;
    return { char: c === "x" ? String.fromCharCode(n) : String.fromCodePoint(n), length: digits + 1 };
  }
  if (/[0-7]/.test(c)) {
    const oct = s.slice(i, i + 3);
    if (!/^[0-7]{3}$/.test(oct)) return undefined;
    const n = parseInt(oct, 8);
    return n === 0 || n > 255 ? undefined : { char: String.fromCharCode(n), length: 3 };
  }
  return undefined;
}

/** Where the escape refused at the backslash `s[i]` ends: its letter and the digits of that kind it goes on with. */
export function badEscapeEnd(s: string, i: number): number {
  const c = s[i + 1];
  if (c === undefined) return i + 1;
  const [digits, re] =
    c === "x" ? [2, /[0-9a-fA-F]/] : c === "u" ? [4, /[0-9a-fA-F]/] : c === "U" ? [8, /[0-9a-fA-F]/] : /[0-7]/.test(c) ? [2, /[0-7]/] : [0, /$^/];
  let end = i + 2;
  while (end < s.length && end < i + 2 + digits && re.test(s[end]!)) end++;
  return end;
}

/** What is wrong with an escape systemd refuses (`raw` from its backslash to badEscapeEnd()). */
export function badEscapeText(raw: string): string {
  if (raw === "\\") return "a backslash at the end escapes nothing";
  if (/^\\(x00|u0000|U00000000|000)$/.test(raw)) return `'${raw}' stands for a NUL character, which systemd refuses`;
  return `'${raw}' is not an escape systemd knows (\\\\ for a backslash, \\n, \\t, \\xHH, \\uHHHH, three octal digits up to \\377...)`;
}

/** A word taken by eachWord(): extract_first_word() found one (`word` is set). */
export type TakenWord = Extracted & { word: string };

/**
 * The words extract_first_word() takes from `value` one after the other, as systemd's handlers loop over them. A
 * failure (an unterminated quote, a trailing backslash, an unknown escape) ends the loop: it is returned, not thrown,
 * so the caller says what systemd then does.
 */
export function eachWord(
  value: string,
  separators: string,
  flags: Parameters<typeof extractFirstWord>[3],
  onWord: (w: TakenWord) => ValueProblem | null | undefined,
  onFailure: (w: Extracted & { errorAt: number }) => ValueProblem | null,
): ValueProblem | null {
  for (let p: number | null = 0; p !== null;) {
    const w = extractFirstWord(value, p, separators, flags);
    if (w.errorAt !== undefined) return onFailure(w as Extracted & { errorAt: number });
    if (w.word === null) return null;
    const problem = onWord(w as TakenWord);
    if (problem) return problem;
    p = w.next;
  }
  return null;
}

/** The problem of a word left unfinished: systemd stops at an unterminated quote or a trailing backslash and ignores `what`. */
export function unfinishedWord(w: { errorAt: number }, what: string): ValueProblem {
  return problemAt(w.errorAt, w.errorAt + 1, `unterminated quote or trailing backslash: systemd ignores ${what}`);
}

/** One extract_first_word() step: the word, where it started, and where the next step begins (null: the input is used up). */
export interface Extracted {
  /** null when nothing was left (r == 0). */
  word: string | null;
  from: number;
  /** End of the raw word in the input (quotes and escapes included). */
  to: number;
  next: number | null;
  /** The position of the problem when systemd's call fails (an unterminated quote, a trailing backslash, an unknown escape). */
  errorAt?: number;
  /** What failed: a quote left open, a backslash at the very end, or (with `cunescape`) an escape systemd does not know. */
  error?: "quote" | "backslash" | "escape";
  /** For each character of `word`, its offset in the input. */
  at: number[];
}

/**
 * extract_first_word() of systemd 252 for the flags the grammars use. Without `cunescape` a backslash takes the
 * next character literally (C escapes are not decoded: the result only feeds checks).
 */
export function extractFirstWord(s: string, pos: number | null, separators: string, flags: ExtractFlags = {}): Extracted {
  if (pos === null) return { word: null, from: s.length, to: s.length, next: null, at: [] };
  let i = pos;
  let started = flags.dontCoalesce === true;
  for (; ; i++) {
    if (i >= s.length) return started ? { word: "", from: i, to: i, next: null, at: [] } : { word: null, from: i, to: i, next: null, at: [] };
    if (separators.includes(s[i]!)) {
      if (flags.dontCoalesce) return { word: "", from: i, to: i, next: i + 1, at: [] };
    } else break;
  }
  started = true;
  const from = i;
  let word = "";
  const at: number[] = [];
  const add = (text: string, where: number) => {
    word += text;
    for (let k = 0; k < text.length; k++) at.push(where);
  };
  const fail = (errorAt: number, error: Extracted["error"], to = s.length): Extracted => ({ word: null, from, to, next: null, errorAt, error, at });
  let quote: string | null = null;
  for (; ; i++) {
    if (i >= s.length) {
      if (quote) return fail(s.lastIndexOf(quote, i - 1), "quote", i);
      return { word, from, to: i, next: null, at };
    }
    const c = s[i]!;
    if (c === "\\" && !flags.retainEscape) {
      if (i + 1 >= s.length) return fail(i, "backslash", i + 1);
      if (flags.cunescape) {
        const e = cunescapeOne(s, i + 1);
        if (e) {
          add(e.char, i);
          i += e.length;
        } else if (separators.includes(s[i + 1]!) || s[i + 1] === "\\") {
          add(s[i + 1]!, i);
          i++;
        } else return fail(i, "escape", i + 2);
      } else {
        add(s[i + 1]!, i);
        i++;
      }
    } else if (quote) {
      if (c === quote) {
        quote = null;
        if (!flags.unquote) add(c, i);
      } else add(c, i);
    } else if ((c === "'" || c === '"') && flags.unquote) quote = c;
    else if (separators.includes(c)) {
      if (flags.dontCoalesce) return { word, from, to: i, next: i + 1, at };
      const to = i;
      while (i < s.length && separators.includes(s[i]!)) i++;
      return { word, from, to, next: i >= s.length ? null : i, at };
    } else add(c, i);
  }
}

export const WHITESPACE = " \t\n\r";

/** Specifiers that expand to an absolute path (%h home, %t runtime dir, %S state dir, %f, %y unit file...). */
const PATH_SPECIFIERS = "hstSCLETVdyYf";

/**
 * A stand-in for the text after specifier expansion, good enough for shape checks: `%%` is a '%',
 * path specifiers become an absolute path, `%n` a unit name with its dot. null when another
 * specifier occurs (its expansion could be anything, e.g. %i); a '%' at the end or before a character that is not a
 * letter or digit stays.
 */
export function expandForCheck(text: string): string | null {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== "%") {
      out += text[i];
      continue;
    }
    const c = text[++i];
    if (c === "%") out += "%";
    // specifier_printf() keeps a '%' at the end, or before anything but a letter or digit, as it is
    else if (c === undefined || !/[A-Za-z0-9]/.test(c)) out += "%" + (c ?? "");
    else if (c !== undefined && PATH_SPECIFIERS.includes(c)) out += "/spec";
    else if (c === "n") out += "unit.service";
    else return null;
  }
  return out;
}

/** What `%i` and `%I` expand to in a unit that has no instance (not a template, not an instance of one). */
export const EMPTY_INSTANCE: Readonly<Record<string, string>> = { i: "", I: "" };

/**
 * The text with the specifiers whose expansion is known put in (`known` maps a specifier letter to its text, e.g. `i`
 * to "" in a unit that has no instance, `n` to the unit's name); `%%` and every other specifier stay as they are, for
 * the value's own check. `at` is the offset of the first specifier put in; undefined when none occurs.
 */
export function expandKnownSpecifiers(text: string, known: Readonly<Record<string, string>>): { text: string; at: number } | undefined {
  let out = "";
  let at = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== "%" || i + 1 >= text.length) {
      out += c;
      continue;
    }
    const next = text[i + 1]!;
    const put = Object.hasOwn(known, next) ? known[next] : undefined;
    if (put === undefined) out += c + next;
    else {
      out += put;
      if (at < 0) at = i;
    }
    i++;
  }
  return at < 0 ? undefined : { text: out, at };
}

const U64_MAX = (1n << 64n) - 1n;

/** safe_atou64(): like safeAtou(), 64 bits. */
export function safeAtou64(s: string): bigint | undefined {
  const n = parseCInteger(s);
  return n === undefined || n < 0n || n > U64_MAX ? undefined : n;
}
