import { type Tm, SECS_PER_DAY, fdiv, isLeapYear, MON_YDAY } from "./tm.js";

const leapsThruEndOf = (y: number) => fdiv(y, 4) - fdiv(y, 100) + fdiv(y, 400);

/**
 * Seconds since the epoch plus a UTC offset → broken-down time, the way glibc's
 * __offtime does it (proleptic Gregorian, no leap seconds). Returns false when
 * the year does not fit a C int, as glibc does (EOVERFLOW).
 */
export function offtime(t: number, offset: number, tm: Tm): boolean {
  let days = Math.trunc(t / SECS_PER_DAY);
  let rem = (t % SECS_PER_DAY) + offset;
  while (rem < 0) {
    rem += SECS_PER_DAY;
    days--;
  }
  while (rem >= SECS_PER_DAY) {
    rem -= SECS_PER_DAY;
    days++;
  }
  tm.hour = Math.trunc(rem / 3600);
  rem %= 3600;
  tm.min = Math.trunc(rem / 60);
  tm.sec = rem % 60;
  tm.wday = (((4 + days) % 7) + 7) % 7;
  let y = 1970;
  while (days < 0 || days >= (isLeapYear(y) ? 366 : 365)) {
    const yg = y + Math.trunc(days / 365) - (days % 365 < 0 ? 1 : 0);
    days -= (yg - y) * 365 + leapsThruEndOf(yg - 1) - leapsThruEndOf(y - 1);
    y = yg;
  }
  if (y - 1900 > 2147483647 || y - 1900 < -2147483648) return false;
  tm.year = y - 1900;
  tm.yday = days;
  const ip = MON_YDAY[isLeapYear(y) ? 1 : 0]!;
  let m = 11;
  while (days < ip[m]!) m--;
  tm.mon = m;
  tm.mday = days - ip[m]! + 1;
  return true;
}

/** gmtime_r: tm_zone is "GMT" as in glibc; systemd prints "UTC" itself. */
export function gmtime(t: number): Tm | null {
  const tm: Tm = { sec: 0, min: 0, hour: 0, mday: 1, mon: 0, year: 70, wday: 4, yday: 0, isdst: 0, gmtoff: 0, zone: "GMT" };
  return offtime(t, 0, tm) ? tm : null;
}
