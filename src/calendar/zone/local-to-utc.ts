import type { Zone } from "./zone.js";

/**
 * The instants at which a zone's wall clock shows local time `local` (seconds
 * since the epoch as if the zone were UTC): two in a fall-back overlap, none in
 * a spring-forward gap (then `gapEnd` is the instant the clock jumps over it).
 */
export function localToUtc(zone: Zone, local: number): { instants: number[]; gapEnd?: number } {
  const offsets = new Set([zone.lookup(local - 50400).gmtoff, zone.lookup(local).gmtoff, zone.lookup(local + 50400).gmtoff]);
  const instants = [...offsets]
    .map((o) => local - o)
    .filter((t) => zone.lookup(t).gmtoff === local - t)
    .sort((a, b) => a - b);
  if (instants.length > 0) return { instants: [...new Set(instants)] };
  // a gap: find the first instant whose wall clock is past `local`
  const os = [...offsets];
  let lo = local - Math.max(...os) - 1;
  let hi = local - Math.min(...os) + 1;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (mid + zone.lookup(mid).gmtoff > local) hi = mid;
    else lo = mid;
  }
  return { instants: [], gapEnd: hi };
}
