import type { Range } from "../../core/range.js";

/**
 * One element of a calendar field, systemd's CalendarComponent: `start`,
 * `start/repeat`, `start..stop` or `start..stop/repeat`. Seconds are held in
 * microseconds. `stop` is -1 when there is no range.
 */
export interface CalendarComponent {
  start: number;
  stop: number;
  repeat: number;
  /** where it was written in the spec string, when it was written at all */
  range?: Range;
}

/** The fields of a calendar spec, in systemd's order. */
export type CalendarField = "year" | "month" | "day" | "hour" | "minute" | "second";

/**
 * A calendar event as systemd holds it (calendarspec.h CalendarSpec). An empty
 * chain means `*` for every field but `second`, where `*` is written as
 * "0/1 second" (a component {0, -1, 1000000}).
 */
export interface CalendarSpec {
  /** bit 0 = Monday … bit 6 = Sunday; -1 = any day */
  weekdaysBits: number;
  /** `~` was used: days count back from the month's end */
  endOfMonth: boolean;
  utc: boolean;
  /** -1, or 0/1 when a local standard/daylight zone abbreviation was given */
  dst: -1 | 0 | 1;
  /** an IANA zone name given as suffix */
  timezone: string | null;
  year: CalendarComponent[];
  month: CalendarComponent[];
  day: CalendarComponent[];
  hour: CalendarComponent[];
  minute: CalendarComponent[];
  /** seconds, in microseconds */
  second: CalendarComponent[];
}

export const USEC_PER_SEC = 1_000_000;
export const BITS_WEEKDAYS = 127;
export const MIN_YEAR = 1970;
export const MAX_YEAR = 2199;

export function emptySpec(): CalendarSpec {
  return { weekdaysBits: 0, endOfMonth: false, utc: false, dst: -1, timezone: null, year: [], month: [], day: [], hour: [], minute: [], second: [] };
}

export function constComponent(value: number): CalendarComponent {
  return { start: value, stop: -1, repeat: 0 };
}
