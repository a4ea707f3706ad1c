/**
 * A broken-down time exactly like C's `struct tm`, because systemd's calendar
 * code (calendarspec.c find_next) steps through fields of a `struct tm` and
 * relies on how glibc normalizes out-of-range fields. Fields may hold
 * out-of-range values between normalizations, just like in C.
 */
export interface Tm {
  /** seconds 0..60 (may be out of range before normalization) */
  sec: number;
  min: number;
  hour: number;
  /** day of month, 1-based */
  mday: number;
  /** month 0..11 */
  mon: number;
  /** years since 1900 */
  year: number;
  /** day of week, 0 = Sunday */
  wday: number;
  /** day of year, 0-based */
  yday: number;
  /** >0 DST, 0 standard time, <0 unknown (let mktime decide) */
  isdst: number;
  /** seconds east of UTC */
  gmtoff: number;
  /** zone abbreviation (tm_zone) */
  zone: string;
}

export function copyTm(tm: Tm): Tm {
  return {
    sec: tm.sec,
    min: tm.min,
    hour: tm.hour,
    mday: tm.mday,
    mon: tm.mon,
    year: tm.year,
    wday: tm.wday,
    yday: tm.yday,
    isdst: tm.isdst,
    gmtoff: tm.gmtoff,
    zone: tm.zone,
  };
}

export function assignTm(to: Tm, from: Tm): void {
  to.sec = from.sec;
  to.min = from.min;
  to.hour = from.hour;
  to.mday = from.mday;
  to.mon = from.mon;
  to.year = from.year;
  to.wday = from.wday;
  to.yday = from.yday;
  to.isdst = from.isdst;
  to.gmtoff = from.gmtoff;
  to.zone = from.zone;
}

export function emptyTm(): Tm {
  return { sec: 0, min: 0, hour: 0, mday: 1, mon: 0, year: 70, wday: 4, yday: 0, isdst: 0, gmtoff: 0, zone: "UTC" };
}

export const SECS_PER_DAY = 86400;

/** C integer division (truncates toward zero). */
export function cdiv(a: number, b: number): number {
  return Math.trunc(a / b);
}

/** Floor division, glibc's DIV macro. */
export function fdiv(a: number, b: number): number {
  return Math.floor(a / b);
}

export function isLeapYear(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

/** Days before each month (0..12), for normal and leap years (glibc __mon_yday). */
export const MON_YDAY: readonly (readonly number[])[] = [
  [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365],
  [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366],
];

export function daysInMonth(year: number, mon0: number): number {
  const row = MON_YDAY[isLeapYear(year) ? 1 : 0]!;
  return row[mon0 + 1]! - row[mon0]!;
}

/** Days from 1970-01-01 to the proleptic Gregorian date (month 1..12; day may overflow). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** A proleptic Gregorian date: month 1..12, day 1..31. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Days since 1970-01-01 → the proleptic Gregorian date, into `out` (Howard Hinnant's civil_from_days; no allocation: it runs per zone lookup). */
export function civilFromDays(days: number, out: CivilDate): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  out.day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  out.month = mp < 10 ? mp + 3 : mp - 9;
  out.year = yoe + era * 400 + (out.month <= 2 ? 1 : 0);
  return out;
}
