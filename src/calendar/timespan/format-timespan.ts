import { USEC_INFINITY } from "./parse-timespan.js";

const TABLE: readonly (readonly [string, bigint])[] = [
  ["y", 31_557_600_000_000n],
  ["month", 2_629_800_000_000n],
  ["w", 604_800_000_000n],
  ["d", 86_400_000_000n],
  ["h", 3_600_000_000n],
  ["min", 60_000_000n],
  ["s", 1_000_000n],
  ["ms", 1_000n],
  ["us", 1n],
];

/**
 * systemd's format_timespan(): "1h 30min", "1.500000s", "infinity". Parts
 * smaller than `accuracy` are dropped once something was printed; below a
 * minute a remainder is shown as a decimal fraction.
 */
export function formatTimespan(usec: bigint | number, accuracy: bigint | number = 0n): string {
  let t = BigInt(usec);
  const acc = BigInt(accuracy);
  if (t === USEC_INFINITY) return "infinity";
  if (t <= 0n) return "0";
  let out = "";
  let something = false;
  for (const [suffix, unit] of TABLE) {
    if (t <= 0n) break;
    if (t < acc && something) break;
    if (t < unit) continue;
    const a = t / unit;
    let b = t % unit;
    let done = false;
    if (t < 60_000_000n && b > 0n) {
      let j = 0;
      for (let cc = unit; cc > 1n; cc /= 10n) j++;
      for (let cc = acc; cc > 1n; cc /= 10n) {
        b /= 10n;
        j--;
      }
      if (j > 0) {
        out += `${out ? " " : ""}${a}.${String(b).padStart(j, "0")}${suffix}`;
        t = 0n;
        done = true;
      }
    }
    if (!done) {
      out += `${out ? " " : ""}${a}${suffix}`;
      t = b;
    }
    something = true;
  }
  return out;
}
