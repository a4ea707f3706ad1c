import { SourceText } from "../core/source.js";
import { parseUnitFile, valueSubRange } from "../parser/unit/index.js";
import { splitWords } from "../values/words.js";

/** Variable names that hold credentials (identity/secret-in-environment reports them). */
export const SECRET_NAME = /(pass(word|wd)?|secret|token|api_?key|access_?key|private_?key|credential)s?$/i;
/** A URL with `user:password@` in it. */
export const URL_WITH_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^/:@\s]+:[^/@\s]+@/i;

/** Why an `Environment=` word `NAME=VALUE` holds a secret, or undefined (references such as `${X}` and `%d` are not secrets). */
export function secretKind(word: string): "named" | "url" | undefined {
  const eq = word.indexOf("=");
  if (eq <= 0) return undefined;
  const name = word.slice(0, eq);
  const value = word.slice(eq + 1);
  if (value === "" || /^\$\{?|^%/.test(value)) return undefined;
  return URL_WITH_PASSWORD.test(value) ? "url" : SECRET_NAME.test(name) ? "named" : undefined;
}

/** Settings whose value is a secret as written: the data of SetCredential=ID:DATA. */
const CREDENTIAL_DATA = new Set(["SetCredential"]);

/**
 * The unit file text with every secret value replaced by `*`, character for
 * character: what identity/secret-in-environment reports in `Environment=`
 * (the part after `NAME=`) and the data of `SetCredential=`. Lengths, line
 * breaks and so every offset, line and column stay as they were, so code
 * frames and diffs built from the masked text line up with the findings.
 * Text with neither setting is returned as it is, without parsing.
 */
export function maskSecrets(text: string): string {
  const spans = secretSpans(text);
  if (spans.length === 0) return text;
  let out = "";
  let at = 0;
  for (const [from, to] of spans) {
    if (from < at) continue;
    out += text.slice(at, from) + stars(text.slice(from, to));
    at = to;
  }
  return out + text.slice(at);
}

const stars = (s: string) => s.replace(/[^\n\r\0]/g, "*");

/** Source spans [from, to) of the secret values in a unit file's text, in order. */
function secretSpans(text: string): [number, number][] {
  if (!text.includes("Environment") && !text.includes("SetCredential")) return [];
  const { ast } = parseUnitFile(text);
  const spans: [number, number][] = [];
  for (const line of ast.lines) {
    if (line.kind !== "entry") continue;
    if (line.key === "Environment") {
      const split = splitWords(line.value);
      const words = split.words.map((w) => ({ text: w.text, from: w.from, to: w.to }));
      // systemd ignores a line with an unterminated quote; its text is still shown, so its secret is masked too.
      if (split.unterminated !== undefined) words.push({ text: line.value.slice(split.unterminated + 1), from: split.unterminated, to: line.value.length });
      for (const w of words) {
        if (!secretKind(w.text)) continue;
        const r = valueSubRange(line, w.from, w.to);
        // The source may quote or escape the word: mask from the first `=` in its source text.
        const eq = text.indexOf("=", r.start);
        if (eq >= 0 && eq < r.end) spans.push([eq + 1, r.end]);
      }
    } else if (CREDENTIAL_DATA.has(line.key)) {
      const colon = line.value.indexOf(":");
      if (colon >= 0 && colon + 1 < line.value.length) {
        const r = valueSubRange(line, colon + 1, line.value.length);
        spans.push([r.start, r.end]);
      }
    }
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

/** Shorter values are not looked for in messages: masking every "ab" in a message would garble it. */
const MIN_MESSAGE_SECRET = 4;

/**
 * Findings whose message (or a related note) quotes a secret value of their file, with the value
 * masked. No rule is meant to quote one; this is the guard for those that quote a whole value.
 */
export function maskSecretsInMessages<F extends { file: string; message: string; related?: { message: string }[] }>(
  findings: F[],
  texts: Map<string, SourceText>,
): void {
  const secretsOf = new Map<string, string[]>();
  const secrets = (file: string): string[] => {
    let list = secretsOf.get(file);
    if (!list) {
      const src = texts.get(file);
      list = [];
      if (src && src.lineEnds === "systemd") {
        for (const [from, to] of secretSpans(src.text)) {
          const raw = src.text.slice(from, to).replace(/^["']|["']$/g, "");
          if (raw.length >= MIN_MESSAGE_SECRET) list.push(raw);
        }
        list.sort((a, b) => b.length - a.length);
      }
      secretsOf.set(file, list);
    }
    return list;
  };
  const mask = (message: string, list: string[]) => list.reduce((m, v) => (m.includes(v) ? m.split(v).join(stars(v)) : m), message);
  for (const f of findings) {
    const list = secrets(f.file);
    if (list.length === 0) continue;
    f.message = mask(f.message, list);
    if (f.related) for (const r of f.related) r.message = mask(r.message, list);
  }
}

const masked = new WeakMap<SourceText, SourceText>();

/** The source with its secrets masked (maskSecrets), kept per source; crontab and job files are left as they are. */
export function maskedSource(source: SourceText): SourceText {
  if (source.lineEnds !== "systemd") return source;
  let m = masked.get(source);
  if (!m) {
    const text = maskSecrets(source.text);
    m = text === source.text ? source : new SourceText(source.path, text, source.lineEnds);
    masked.set(source, m);
  }
  return m;
}
