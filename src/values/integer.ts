/**
 * Integers as systemd 252's safe_ato*() helpers read them (src/basic/parse-util.c): leading whitespace, an
 * optional sign, then C's strtol() base 0 (0x hex, a leading 0 for octal, else decimal) or the 0b/0o prefixes,
 * and nothing after the digits.
 */
const WS = /^[ \t\n\r]*/;

export function parseCInteger(v: string): bigint | undefined {
  let s = v.replace(WS, "");
  let base = 0;
  if (/^0[bBoO]/.test(s)) {
    base = /^0[bB]/.test(s) ? 2 : 8;
    s = s.slice(2);
  }
  const m = /^[ \t\n\r\v\f]*([+-]?)(.*)$/s.exec(s)!;
  const sign = m[1] === "-" ? -1n : 1n;
  const d = m[2]!;
  let n: bigint | undefined;
  if (base === 2) n = /^[01]+$/.test(d) ? BigInt(`0b${d}`) : undefined;
  else if (base === 8) n = /^[0-7]+$/.test(d) ? BigInt(`0o${d}`) : undefined;
  else if (/^0[xX][0-9a-fA-F]+$/.test(d)) n = BigInt(d);
  else if (/^0[0-7]*$/.test(d)) n = BigInt(`0o${d.slice(1) || "0"}`);
  else if (/^[1-9][0-9]*$/.test(d)) n = BigInt(d);
  return n === undefined ? undefined : sign * n;
}

export interface IntegerRange {
  /** The C type's bounds: what strtol()/strtoul() and the cast accept before any range check of the handler. */
  type: "u8" | "u32" | "u64" | "i32" | "i64";
  min?: number;
  max?: number;
}

const TYPE_BOUNDS: Record<IntegerRange["type"], [bigint, bigint]> = {
  u8: [0n, 255n],
  u32: [0n, 4294967295n],
  u64: [0n, 18446744073709551615n],
  i32: [-2147483648n, 2147483647n],
  i64: [-9223372036854775808n, 9223372036854775807n],
};

/** Whether `v` is an integer systemd takes for this range; the bounds to name in a message otherwise. */
export function integerProblem(v: string, r: IntegerRange): string | null {
  const n = parseCInteger(v);
  const [lo, hi] = TYPE_BOUNDS[r.type];
  const min = r.min !== undefined ? BigInt(r.min) : lo;
  const max = r.max !== undefined ? BigInt(r.max) : hi;
  // strtoul() takes "-0" (zero) but refuses any other negative number, as the minimum 0 does.
  return n !== undefined && n >= min && n <= max ? null : `an integer from ${min} to ${max}`;
}
