import type { Range } from "../../core/range.js";
import { Blank, Frac, Infinity_, Int, Minus, Unit, UNITS, tokenizeTimespan } from "./tokens.js";

export const USEC_INFINITY = 0xffffffffffffffffn;
const LLONG_MAX = 0x7fffffffffffffffn;

export interface TimespanPart {
  range: Range;
  /** microseconds this part contributes */
  usec: bigint;
  unit?: string;
}

export type TimespanResult =
  { ok: true; usec: bigint; infinity: boolean; parts: TimespanPart[] } | { ok: false; errno: "EINVAL" | "ERANGE"; message: string; range: Range };

const unitUsec = new Map(UNITS.map(([u, v]) => [u, v] as const));

/**
 * systemd's parse_time(text, default_unit) (time-util.c): a sum of numbers with
 * optional units, or "infinity". `defaultUnit` is µs per unitless number
 * (1 000 000 for parse_sec). Never throws.
 */
export function parseTimespan(text: string, defaultUnit = 1_000_000n): TimespanResult {
  const toks = tokenizeTimespan(text);
  let i = 0;
  const at = () => toks[i];
  const is = (tt: unknown) => at()?.tokenType === tt;
  const here = (): Range => {
    const t = at();
    return t ? { start: t.startOffset, end: t.startOffset + t.image.length } : { start: text.length, end: text.length };
  };
  const einval = (message: string, range = here()): TimespanResult => ({ ok: false, errno: "EINVAL", message, range });
  const erange = (message: string, range = here()): TimespanResult => ({ ok: false, errno: "ERANGE", message, range });

  if (is(Blank)) i++;
  if (is(Infinity_)) {
    i++;
    if (is(Blank)) i++;
    if (i < toks.length) return einval(`nothing may follow "infinity"`);
    return { ok: true, usec: USEC_INFINITY, infinity: true, parts: [] };
  }
  let r = 0n;
  const parts: TimespanPart[] = [];
  for (;;) {
    if (is(Blank)) i++;
    if (i >= toks.length) {
      if (parts.length === 0) return einval(text.trim() === "" ? "the time span is empty" : "expected a number");
      break;
    }
    if (is(Minus)) return erange("time spans cannot be negative");
    const start = here().start;
    let l = 0n;
    let frac: string | undefined;
    if (is(Int)) {
      l = BigInt(
        at()!
          .image.replace(/^[\s+]+/, "")
          .replace(/^\+/, ""),
      );
      if (l > LLONG_MAX) return erange(`${at()!.image} is too large`);
      i++;
    }
    if (is(Frac)) {
      frac = at()!.image.slice(1);
      i++;
    } else if (start === here().start) return einval(`expected a number, found '${at()!.image}'`);
    const numEnd = toks[i - 1]!.startOffset + toks[i - 1]!.image.length;
    const blank = is(Blank);
    const unitTok = toks[i + (blank ? 1 : 0)];
    let multiplier = defaultUnit;
    let unit: string | undefined;
    if (unitTok?.tokenType === Unit) {
      unit = unitTok.image;
      multiplier = unitUsec.get(unit)!;
      i += blank ? 2 : 1;
    } else if (blank) i++;
    else if (i < toks.length) return einval(`expected a unit or a space after the number, found '${at()!.image}'`);
    if (l >= USEC_INFINITY / multiplier) return erange(`the time span is too long`, { start, end: numEnd });
    let k = l * multiplier;
    if (k >= USEC_INFINITY - r) return erange(`the time span is too long`, { start, end: numEnd });
    r += k;
    let partUsec = k;
    if (frac !== undefined) {
      let m = multiplier / 10n;
      for (const ch of frac) {
        k = BigInt(ch.charCodeAt(0) - 48) * m;
        if (k >= USEC_INFINITY - r) return erange(`the time span is too long`, { start, end: numEnd });
        r += k;
        partUsec += k;
        m /= 10n;
      }
      if (frac === "") return einval(`a decimal point must be followed by digits`, { start: numEnd - 1, end: numEnd });
    }
    const end = unit ? toks[i - 1]!.startOffset + unit.length : numEnd;
    const part: TimespanPart = { range: { start, end }, usec: partUsec };
    if (unit) part.unit = unit;
    parts.push(part);
  }
  return { ok: true, usec: r, infinity: false, parts };
}
