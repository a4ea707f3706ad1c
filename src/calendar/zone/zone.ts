/** What glibc's localtime_r reports for one instant in one zone. */
export interface ZoneInfo {
  /** seconds east of UTC (tm_gmtoff) */
  gmtoff: number;
  /** tm_isdst */
  isdst: 0 | 1;
  /** tm_zone, e.g. "CET", "+0545" */
  abbr: string;
  /**
   * glibc's global `tzname[]` after this conversion: glibc rewrites it on every
   * localtime call (tzfile.c __tzfile_compute), and systemd reads it to accept a
   * local zone abbreviation as a suffix (calendarspec.c).
   */
  tzname: readonly [string, string];
}

/** A time zone as glibc sees it after `tzset()`. */
export interface Zone {
  /** The name it was loaded by ("UTC", "Europe/Berlin", a POSIX TZ string). */
  readonly name: string;
  lookup(t: number): ZoneInfo;
  /**
   * Optional: the answer for `t` and the instants [from, to) over which it
   * stays the same, so callers can skip repeated lookups.
   */
  span?(t: number): { info: ZoneInfo; from: number; to: number };
  /** tzname[] right after the zone was loaded (before any conversion). */
  readonly initialTzname: readonly [string, string];
  /** glibc `timezone == 0 && daylight == 0` (systemd's in_utc_timezone()). */
  readonly isUtc: boolean;
  /**
   * Zones with leap-second records (the `right/` family): the seconds to take
   * off `t` before converting, and how many to show as second 60 at `t`. glibc
   * applies them to localtime and, while such a zone is the TZ, to gmtime too.
   */
  leap?(t: number): { correct: number; hit: number };
}

const UTC_INFO: ZoneInfo = { gmtoff: 0, isdst: 0, abbr: "UTC", tzname: ["UTC", "UTC"] };

export const utcZone: Zone = {
  name: "UTC",
  lookup: () => UTC_INFO,
  span: () => ({ info: UTC_INFO, from: -Infinity, to: Infinity }),
  initialTzname: ["UTC", "UTC"],
  isUtc: true,
};
