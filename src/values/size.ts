/** Sizes as systemd 252 parses them: parse_size() (with 64-bit overflow), parse_permyriad(), and the settings built on them. */
import { parseBytes } from "./primitives.js";
import { problemAt, type ValueProblem } from "./problem.js";
import { safeAtoi } from "./scan.js";

const U64_MAX = (1n << 64n) - 1n;
const SUFFIXES = ["E", "P", "T", "G", "M", "K", "B", ""];

export type SizeResult = { ok: true; bytes: bigint } | { ok: false; overflow: boolean; at: number };

/**
 * parse_size(): one or more `NUMBER[.FRACTION] SUFFIX` terms with suffixes E P T G M K B (case matters,
 * each later term a smaller suffix: `1G 512M`), base 1024 or 1000. Fails with `overflow` above 2^64-1.
 */
export function parseSize(text: string, base: 1024 | 1000 = 1024): SizeResult {
  const factor = (s: string) => BigInt(base) ** BigInt(Math.max(0, 6 - SUFFIXES.indexOf(s)));
  let r = 0n;
  let start = 0;
  let p = 0;
  do {
    while (p < text.length && /[ \t\n\r]/.test(text[p]!)) p++;
    const m = /^([+-]?)(\d+)/.exec(text.slice(p));
    if (!m) return { ok: false, overflow: false, at: p };
    if (m[1] === "-") return { ok: false, overflow: true, at: p };
    const l = BigInt(m[2]!);
    if (l > U64_MAX) return { ok: false, overflow: true, at: p };
    let e = p + m[0].length;
    let frac = "";
    if (text[e] === ".") {
      e++;
      const f = /^\d+/.exec(text.slice(e));
      if (f) {
        frac = f[0];
        e += f[0].length;
      }
    }
    while (e < text.length && /[ \t\n\r]/.test(text[e]!)) e++;
    let i = start;
    while (i < SUFFIXES.length && !text.startsWith(SUFFIXES[i]!, e)) i++;
    if (i >= SUFFIXES.length) return { ok: false, overflow: false, at: e };
    const f = factor(SUFFIXES[i]!);
    const hasFrac = frac !== "" && /[1-9]/.test(frac);
    if (l + (hasFrac ? 1n : 0n) > U64_MAX / f) return { ok: false, overflow: true, at: p };
    // the fraction goes through a double in systemd; exact enough for the overflow test
    const tmp = l * f + BigInt(Math.floor(Number(`0.${frac || "0"}`) * Number(f)));
    if (tmp > U64_MAX - r) return { ok: false, overflow: true, at: p };
    r += tmp;
    p = e + SUFFIXES[i]!.length;
    start = i + 1;
  } while (p < text.length);
  return { ok: true, bytes: r };
}

/** parse_permyriad(): `N%`, `N.N%`, `N.NN%`, `N.N‰`, `N‱`, at most 100%; the value in 1/10000, or undefined. */
export function parsePermyriad(text: string): number | undefined {
  const m = /^(.*?)(?:(%)|(‰)|(‱))$/su.exec(text);
  if (!m) return undefined;
  const body = m[1]!;
  const places = m[2] ? 2 : m[3] ? 1 : 0;
  const dot = body.indexOf(".");
  const whole = dot < 0 ? body : body.slice(0, dot);
  const fraction = dot < 0 ? "" : body.slice(dot + 1);
  if (dot >= 0 && (fraction.length === 0 || fraction.length > places || !/^\d+$/.test(fraction))) return undefined;
  const v = safeAtoi(whole);
  if (v === undefined || v < 0) return undefined;
  const permyriad = places === 2 ? v * 100 + Number(fraction.padEnd(2, "0")) : places === 1 ? v * 10 + Number(fraction || "0") : v;
  return permyriad <= 10000 ? permyriad : undefined;
}

/**
 * MemoryMax= and friends (config_parse_memory_limit): a size, a percentage of RAM, or `infinity`.
 * Percentages (at most 100%, two decimals) and zero are resources/resource-ranges' to report; this checks
 * the rest: text that is no size at all, the wrong suffix case, and sizes beyond 64 bits.
 */
export function memoryLimit(value: string, setting: string): ValueProblem | null {
  if (value === "" || value === "infinity" || /^\d+(\.\d+)?%$/.test(value) || parsePermyriad(value) !== undefined) return null;
  const s = parseSize(value);
  if (!s.ok) {
    if (s.overflow) return problemAt(0, value.length, `'${value}' is larger than 16E (2^64 bytes): systemd ignores the line`);
    const hint = /^\d+(\.\d+)?\s*[KMGTPE]i?B$/i.test(value) || /[kmgtpe]$/.test(value) ? " (suffixes are K, M, G, T, P, E in capitals, with no B)" : "";
    return problemAt(
      Math.min(s.at, value.length - 1),
      value.length,
      `'${value}' is not a size (e.g. 512M, 2G), a percentage or 'infinity'${hint}: systemd ignores the line`,
    );
  }
  if (s.bytes >= (1n << 64n) - 1n) return problemAt(0, value.length, `'${value}' is out of range: systemd ignores the line`);
  // resources/resource-ranges reports the zeros it can read (MemoryMax=0); the other spellings (0., 0K 0) are left here.
  if (s.bytes === 0n && !ZERO_OK.includes(setting) && parseBytes(value) === undefined)
    return problemAt(0, value.length, `'${value}' is 0, which is out of range for ${setting}= ('infinity' removes the limit): systemd ignores the line`);
  return null;
}

/** Settings that may be 0 (config_parse_memory_limit()). */
const ZERO_OK = ["MemorySwapMax", "MemoryLow", "MemoryMin", "DefaultMemoryLow", "DefaultMemoryMin"];

/** PipeSize=, ReceiveBuffer=, SendBuffer= (config_parse_iec_size): a size with base-1024 suffixes. */
export function iecSize(value: string): ValueProblem | null {
  const s = parseSize(value);
  if (s.ok) return null;
  if (s.overflow) return problemAt(0, value.length, `'${value}' is larger than 16E (2^64 bytes): systemd ignores the line`);
  return problemAt(
    Math.min(s.at, Math.max(0, value.length - 1)),
    value.length,
    `'${value}' is not a size (e.g. 64K, 8M; suffixes K, M, G, T, P, E): systemd ignores the line`,
  );
}
