/** Wall-clock times in the display zone, from the model's offset spans (pure; no zone lookups). */
import type { Zone } from "../calendar/index.js";
import type { OffsetSpan } from "./model.js";

export interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday */
  weekday: number;
  offset: number;
  abbr: string;
}

const HOUR = 3600;

/** The offset spans of `zone` covering [fromSec, toSec]: each span's first second and its offset. */
export function offsetSpans(zone: Zone, fromSec: number, toSec: number): OffsetSpan[] {
  const spans: OffsetSpan[] = [];
  let t = fromSec;
  let info = zone.lookup(t);
  spans.push({ from: t, offset: info.gmtoff, abbr: info.abbr });
  // zones change at most a few times a year and never twice within an hour: step by hours, then bisect to the second
  while (t < toSec) {
    const next = Math.min(t + HOUR, toSec);
    const ni = zone.lookup(next);
    if (ni.gmtoff !== info.gmtoff || ni.abbr !== info.abbr) {
      let lo = t;
      let hi = next;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        const mi = zone.lookup(mid);
        if (mi.gmtoff === info.gmtoff && mi.abbr === info.abbr) lo = mid;
        else hi = mid;
      }
      const hiInfo = zone.lookup(hi);
      spans.push({ from: hi, offset: hiInfo.gmtoff, abbr: hiInfo.abbr });
      info = hiInfo;
      t = hi;
    } else t = next;
    if (next === toSec) break;
  }
  return spans;
}

export function spanAt(spans: OffsetSpan[], sec: number): OffsetSpan {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (spans[mid]!.from <= sec) lo = mid;
    else hi = mid - 1;
  }
  return spans[lo]!;
}

export function wallOf(spans: OffsetSpan[], usec: number): Wall {
  const sec = Math.floor(usec / 1e6);
  const s = spanAt(spans, sec);
  const d = new Date((sec + s.offset) * 1000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
    offset: s.offset,
    abbr: s.abbr,
  };
}

const p2 = (n: number) => String(n).padStart(2, "0");
export const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

export function offsetText(offset: number): string {
  const a = Math.abs(offset);
  return `${offset < 0 ? "-" : "+"}${p2(Math.floor(a / 3600))}:${p2(Math.floor((a % 3600) / 60))}`;
}

/** "Mon 2026-03-23 08:00:00 CET" (systemd's timestamp style). */
export function formatWall(spans: OffsetSpan[], usec: number, opts: { seconds?: boolean; zone?: boolean } = {}): string {
  const w = wallOf(spans, usec);
  const time = `${p2(w.hour)}:${p2(w.minute)}${opts.seconds === false ? "" : ":" + p2(w.second)}`;
  return `${WEEKDAYS[w.weekday]} ${w.year}-${p2(w.month)}-${p2(w.day)} ${time}${opts.zone === false ? "" : " " + w.abbr}`;
}

/** ISO 8601 with the zone's offset: 2026-03-23T08:00:00+01:00 (as `unitlint next --json`). */
export function isoWall(spans: OffsetSpan[], usec: number): string {
  const w = wallOf(spans, usec);
  const frac = usec % 1e6 === 0 ? "" : "." + String(((usec % 1e6) + 1e6) % 1e6).padStart(6, "0");
  return `${w.year}-${p2(w.month)}-${p2(w.day)}T${p2(w.hour)}:${p2(w.minute)}:${p2(w.second)}${frac}${offsetText(w.offset)}`;
}

export function hhmm(w: Wall): string {
  return `${p2(w.hour)}:${p2(w.minute)}`;
}

/** The start of the wall-clock hour holding `usec` (µs). */
export function hourStart(spans: OffsetSpan[], usec: number): number {
  const sec = Math.floor(usec / 1e6);
  const s = spanAt(spans, sec);
  const local = sec + s.offset;
  return (local - (((local % HOUR) + HOUR) % HOUR) - s.offset) * 1e6;
}
