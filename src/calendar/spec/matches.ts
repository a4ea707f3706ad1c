import type { CalendarComponent, CalendarSpec } from "./model.js";
import { daysInMonth } from "../libc/tm.js";

/** Local wall-clock fields to test against a spec. */
interface WallTime {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
  /** 0 = Sunday */
  wday: number;
  hour: number;
  minute: number;
  /** microseconds within the minute */
  usec: number;
}

function componentMatches(c: CalendarComponent, v: number, start: number, stop: number): boolean {
  if (c.repeat > 0) return v >= start && (v - start) % c.repeat === 0 && (stop < 0 || v <= stop);
  return v === start;
}

/** Whether `v` is one of the values a chain stands for (an empty chain is `*`). */
export function chainMatches(chain: CalendarComponent[], v: number, monthLength?: number): boolean {
  if (chain.length === 0) return true;
  return chain.some((c) => {
    if (monthLength === undefined) return componentMatches(c, v, c.start, c.stop);
    // `~N` counts back from the month's end: ~1 is the last day
    let start = monthLength + 1 - c.start;
    let stop = c.stop >= 0 ? monthLength + 1 - c.stop : -1;
    if (stop > 0) [start, stop] = [stop, start];
    return componentMatches(c, v, start, stop);
  });
}

/** Whether a wall-clock time is one the spec describes (the spec's own fields, no DST logic). */
export function wallTimeMatches(spec: CalendarSpec, w: WallTime, ignoreSeconds = false): boolean {
  if (spec.weekdaysBits > 0 && spec.weekdaysBits < 127 && !(spec.weekdaysBits & (1 << ((w.wday + 6) % 7)))) return false;
  if (!chainMatches(spec.year, w.year) || !chainMatches(spec.month, w.month)) return false;
  if (!chainMatches(spec.day, w.day, spec.endOfMonth ? daysInMonth(w.year, w.month - 1) : undefined)) return false;
  if (!chainMatches(spec.hour, w.hour) || !chainMatches(spec.minute, w.minute)) return false;
  return ignoreSeconds || chainMatches(spec.second, w.usec);
}

/** Whether any second of the given minute matches (the seconds chain always has a value below 60 s). */
export function minuteMatches(spec: CalendarSpec, w: Omit<WallTime, "usec">): boolean {
  return wallTimeMatches(spec, { ...w, usec: 0 }, true) && spec.second.some((c) => c.start < 60_000_000);
}
