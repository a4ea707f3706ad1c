import { type Tm, SECS_PER_DAY } from "./tm.js";

const CUM = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

// The last day converted: mktime() probes the same few days over and over.
let cachedDays = NaN;
let cYear = 0;
let cMon = 0;
let cMday = 0;
let cYday = 0;

function civil(days: number): void {
  if (days === cachedDays) return;
  // days since 1970-01-01 → proleptic Gregorian date (Howard Hinnant's civil_from_days)
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 1 : 0;
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
