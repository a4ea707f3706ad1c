import { type CalendarComponent, type CalendarSpec, BITS_WEEKDAYS } from "./model.js";

const compare = (a: CalendarComponent, b: CalendarComponent) => a.start - b.start || a.stop - b.stop || a.repeat - b.repeat;

/**
 * calendarspec.c normalize_chain: trim `stop` to a whole number of repeats,
 * drop repeats that can never fire, sort, and remove duplicates.
 */
function normalizeChain(chain: CalendarComponent[]): CalendarComponent[] {
  for (const c of chain) {
    if (c.stop > c.start && c.repeat > 0) c.stop -= (c.stop - c.start) % c.repeat;
    if ((c.stop > c.start && c.repeat > 0 && c.start + c.repeat > c.stop) || c.start === c.stop) {
      c.repeat = 0;
      c.stop = -1;
    }
  }
  if (chain.length <= 1) return chain;
  const sorted = [...chain].sort(compare);
  const out: CalendarComponent[] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && compare(last, c) === 0) continue;
    out.push(c);
  }
  return out;
}

/** Two-digit years: 12 → 2012, 89 → 1989 (calendarspec.c fix_year). */
function fixYear(chain: CalendarComponent[]): void {
  for (const c of chain) {
    if (c.start >= 0 && c.start < 70) c.start += 2000;
    if (c.stop >= 0 && c.stop < 70) c.stop += 2000;
    if (c.start >= 70 && c.start < 100) c.start += 1900;
    if (c.stop >= 70 && c.stop < 100) c.stop += 1900;
  }
}

/** calendar_spec_normalize, in place. */
export function normalizeSpec(s: CalendarSpec): CalendarSpec {
  if (s.timezone === "UTC") {
    s.utc = true;
    s.timezone = null;
  }
  if (s.weekdaysBits <= 0 || s.weekdaysBits >= BITS_WEEKDAYS) s.weekdaysBits = -1;
  if (s.endOfMonth && s.day.length === 0) s.endOfMonth = false;
  fixYear(s.year);
  s.year = normalizeChain(s.year);
  s.month = normalizeChain(s.month);
  s.day = normalizeChain(s.day);
  s.hour = normalizeChain(s.hour);
  s.minute = normalizeChain(s.minute);
  s.second = normalizeChain(s.second);
  return s;
}
