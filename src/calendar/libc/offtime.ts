import { type CivilDate, type Tm, SECS_PER_DAY, civilFromDays, isLeapYear } from "./tm.js";

const CUM = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

// The last day converted: mktime() probes the same few days over and over.
let cachedDays = NaN;
let cYear = 0;
let cMon = 0;
let cMday = 0;
let cYday = 0;

const date: CivilDate = { year: 1970, month: 1, day: 1 };

function civil(days: number): void {
  if (days === cachedDays) return;
  const { year: y, month: m, day: d } = civilFromDays(days, date);
  const leap = isLeapYear(y) ? 1 : 0;
  cachedDays = days;
  cYear = y;
  cMon = m - 1;
  cMday = d;
  cYday = CUM[m - 1]! + d - 1 + (m > 2 ? leap : 0);
}

/**
 * Seconds since the epoch plus a UTC offset → broken-down time, as glibc's
 * __offtime computes it (proleptic Gregorian, no leap seconds). Returns false
 * when the year does not fit a C int (EOVERFLOW).
 */
export function offtime(t: number, offset: number, tm: Tm): boolean {
  const s = t + offset;
  const days = Math.floor(s / SECS_PER_DAY);
  const rem = s - days * SECS_PER_DAY;
  civil(days);
  if (cYear - 1900 > 2147483647 || cYear - 1900 < -2147483648) return false;
  tm.hour = Math.floor(rem / 3600);
  tm.min = Math.floor((rem % 3600) / 60);
  tm.sec = rem % 60;
  tm.wday = (((days + 4) % 7) + 7) % 7;
  tm.year = cYear - 1900;
  tm.mon = cMon;
  tm.mday = cMday;
  tm.yday = cYday;
  return true;
}

/** gmtime_r: tm_zone is "GMT" as in glibc; systemd prints "UTC" itself. */
export function gmtime(t: number): Tm | null {
  const tm: Tm = { sec: 0, min: 0, hour: 0, mday: 1, mon: 0, year: 70, wday: 4, yday: 0, isdst: 0, gmtoff: 0, zone: "GMT" };
  return offtime(t, 0, tm) ? tm : null;
}
