import { type CalendarComponent, type CalendarSpec, MAX_YEAR, BITS_WEEKDAYS, USEC_PER_SEC } from "../spec/model.js";
import { type Tm, assignTm, copyTm } from "../libc/tm.js";
import { mktimeOrTimegm, localtimeOrGmtime } from "../libc/mktime.js";
import type { LibcSession } from "../libc/session.js";

/*
 * systemd 252's next-elapse search (calendarspec.c find_next and helpers),
 * re-expressed over our glibc emulation. It walks year → month → day → hour →
 * minute → second on a struct tm and lets mktime() normalize overflowing
 * fields; when normalization moves a field it restarts. Its answers around DST
 * changes, month ends and `~` follow from that, so the algorithm is kept as is,
 * including the safety valve of 1000 rounds.
 */

export type NextError = "ENOENT" | "EDEADLK" | "EINVAL";
export const MAX_CALENDAR_ITERATIONS = 1000;

class Ctx {
  constructor(
    readonly spec: CalendarSpec,
    readonly session: LibcSession,
  ) {}
  mktime(tm: Tm): number | null {
    return mktimeOrTimegm(tm, this.spec.utc, this.session);
  }
}

// Scratch copies for the probes below; none of them outlives its call.
const scratch: Tm = { sec: 0, min: 0, hour: 0, mday: 1, mon: 0, year: 70, wday: 4, yday: 0, isdst: 0, gmtoff: 0, zone: "" };

/** find_end_of_month(): the day that is `day` days before the next month's first. */
function findEndOfMonth(ctx: Ctx, tm: Tm, day: number): number {
  const t = scratch;
  assignTm(t, tm);
  t.mon++;
  t.mday = 1 - day;
  const r = ctx.mktime(t);
  if (r === null || r < 0 || t.mon !== tm.mon) return -1;
  return t.mday;
}

/** find_matching_component(): 1 changed, 0 unchanged, -1 no match (ENOENT). */
function findMatching(ctx: Ctx, chain: CalendarComponent[], isDay: boolean, tm: Tm, val: { v: number }): number {
  if (chain.length === 0) return 0;
  const endOfMonth = ctx.spec.endOfMonth && isDay;
  let d = -1;
  let dSet = false;
  for (const c of chain) {
    let start: number;
    let stop: number;
    if (endOfMonth) {
      start = findEndOfMonth(ctx, tm, c.start);
      stop = findEndOfMonth(ctx, tm, c.stop);
      if (stop > 0) [start, stop] = [stop, start];
    } else {
      start = c.start;
      stop = c.stop;
    }
    if (start >= val.v) {
      if (!dSet || start < d) {
        d = start;
        dSet = true;
      }
    } else if (c.repeat > 0) {
      const k = start + c.repeat * Math.trunc((val.v - start + c.repeat - 1) / c.repeat);
      if ((!dSet || k < d) && (stop < 0 || k <= stop)) {
        d = k;
        dSet = true;
      }
    }
  }
  if (!dSet) return -1;
  const changed = val.v !== d ? 1 : 0;
  val.v = d;
  return changed;
}

/** tm_within_bounds(): <0 error, 0 normalized (tm updated), 1 in bounds. */
function withinBounds(ctx: Ctx, tm: Tm): number {
  if (tm.year + 1900 > MAX_YEAR) return -1;
  const t = scratch;
  assignTm(t, tm);
  const r = ctx.mktime(t);
  if (r === null || r < 0) return -1;
  let cmp: number;
  if ((cmp = Math.sign(t.year - tm.year)) !== 0) t.mon = 0;
  else if ((cmp = Math.sign(t.mon - tm.mon)) !== 0) t.mday = 1;
  else if ((cmp = Math.sign(t.mday - tm.mday)) !== 0) t.hour = 0;
  else if ((cmp = Math.sign(t.hour - tm.hour)) !== 0) t.min = 0;
  else if ((cmp = Math.sign(t.min - tm.min)) !== 0) t.sec = 0;
  else cmp = Math.sign(t.sec - tm.sec);
  if (cmp < 0) return -1; // EDEADLK: refuse to go backwards
  if (cmp > 0) assignTm(tm, t);
  return cmp === 0 ? 1 : 0;
}

function matchesWeekday(ctx: Ctx, bits: number, tm: Tm): boolean {
  if (bits < 0 || bits >= BITS_WEEKDAYS) return true;
  const t = scratch;
  assignTm(t, tm);
  const r = ctx.mktime(t);
  if (r === null || r < 0) return false;
  const k = t.wday === 0 ? 6 : t.wday - 1;
  return (bits & (1 << k)) !== 0;
}

/** Wall-clock order of two broken-down times (year down to second). */
function compareFields(a: Tm, b: Tm): number {
  return Math.sign(a.year - b.year) || Math.sign(a.mon - b.mon) || Math.sign(a.mday - b.mday) || Math.sign(a.hour - b.hour) || Math.sign(a.min - b.min) || Math.sign(a.sec - b.sec);
}

/** find_next(): updates tm/usec in place, or returns an error. */
function findNext(ctx: Ctx, tm: Tm, usecIn: number): { tm: Tm; usec: number } | NextError {
  const spec = ctx.spec;
  const c = copyTm(tm);
  let tmUsec = usecIn;
  // Set once the search came back to (or before) where it started; from then on
  // mktime() keeps the tm_isdst it found instead of the spec's. The tested
  // systemd 252.38 build has this (a stable-branch backport of the fix for zones
  // with negative DST, such as Europe/Dublin, where the search would otherwise
  // return the same elapse again).
  let invalidateDst = false;
  const val = { v: 0 };
  /** Zero every field from `level` down, as find_next() does after a field moved. */
  const resetBelow = (level: "mon" | "mday" | "hour" | "min" | "sec") => {
    const order = ["mon", "mday", "hour", "min", "sec"];
    const from = order.indexOf(level);
    if (from <= 0) c.mon = 0;
    if (from <= 1) c.mday = 1;
    if (from <= 2) c.hour = 0;
    if (from <= 3) c.min = 0;
    c.sec = 0;
    tmUsec = 0;
  };

  for (let iteration = 0; iteration < MAX_CALENDAR_ITERATIONS; iteration++) {
    ctx.mktime(c);
    if (!invalidateDst) c.isdst = spec.dst;

    val.v = c.year + 1900;
    let r = findMatching(ctx, spec.year, false, c, val);
    c.year = val.v - 1900;
    if (r > 0) resetBelow("mon");
    if (r < 0) return "ENOENT";
    if (withinBounds(ctx, c) <= 0) return "ENOENT";

    val.v = c.mon + 1;
    r = findMatching(ctx, spec.month, false, c, val);
    c.mon = val.v - 1;
    if (r > 0) resetBelow("mday");
    if (r < 0 || (r = withinBounds(ctx, c)) < 0) {
      c.year++;
      resetBelow("mon");
      continue;
    }
    if (r === 0) continue;

    val.v = c.mday;
    r = findMatching(ctx, spec.day, true, c, val);
    c.mday = val.v;
    if (r > 0) resetBelow("hour");
    if (r < 0 || (r = withinBounds(ctx, c)) < 0) {
      c.mon++;
      resetBelow("mday");
      continue;
    }
    if (r === 0) continue;

    if (!matchesWeekday(ctx, spec.weekdaysBits, c)) {
      c.mday++;
      resetBelow("hour");
      continue;
    }

    val.v = c.hour;
    r = findMatching(ctx, spec.hour, false, c, val);
    c.hour = val.v;
    if (r > 0) resetBelow("min");
    if (r < 0 || (r = withinBounds(ctx, c)) < 0) {
      c.mday++;
      resetBelow("hour");
      continue;
    }
    if (r === 0) continue;

    val.v = c.min;
    r = findMatching(ctx, spec.minute, false, c, val);
    c.min = val.v;
    if (r > 0) resetBelow("sec");
    if (r < 0 || (r = withinBounds(ctx, c)) < 0) {
      c.hour++;
      resetBelow("min");
      continue;
    }
    if (r === 0) continue;

    val.v = c.sec * USEC_PER_SEC + tmUsec;
    r = findMatching(ctx, spec.second, false, c, val);
    tmUsec = val.v % USEC_PER_SEC;
    c.sec = Math.trunc(val.v / USEC_PER_SEC);
    if (r < 0 || (r = withinBounds(ctx, c)) < 0) {
      c.min++;
      resetBelow("sec");
      continue;
    }
    if (r === 0) continue;

    let cmp = compareFields(tm, c);
    if (cmp === 0) cmp = Math.sign(usecIn - (tmUsec + 1));
    if (cmp >= 0) {
      // stuck at or before the start: step an hour and let mktime() pick the DST flavour
      invalidateDst = true;
      c.hour++;
      continue;
    }

    return { tm: c, usec: tmUsec };
  }
  return "EDEADLK";
}

/** USEC_TIMESTAMP_FORMATTABLE_MAX of systemd 252 on 64-bit: the end of year 9999 */
export const USEC_TIMESTAMP_FORMATTABLE_MAX = 253402214399000000;

/**
 * calendar_spec_next_usec_impl(): the first elapse strictly after `usec`, in
 * the session's zone (or UTC for a UTC spec).
 */
export function nextUsecIn(spec: CalendarSpec, usec: number, session: LibcSession): number | NextError {
  if (usec > USEC_TIMESTAMP_FORMATTABLE_MAX) return "EINVAL";
  const u = usec + 1;
  const t = Math.floor(u / USEC_PER_SEC);
  const tm = localtimeOrGmtime(t, spec.utc, session);
  if (!tm) return "EINVAL";
  const ctx = new Ctx(spec, session);
  const r = findNext(ctx, tm, u % USEC_PER_SEC);
  if (typeof r === "string") return r;
  const secs = ctx.mktime(r.tm);
  if (secs === null || secs < 0) return "EINVAL";
  return secs * USEC_PER_SEC + r.usec;
}
