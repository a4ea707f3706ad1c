import { type CalendarComponent, type CalendarSpec, MAX_YEAR, BITS_WEEKDAYS, USEC_PER_SEC } from "../spec/model.js";
import { type Tm, assignTm } from "../libc/tm.js";
import { mktimeOrTimegm, localtimeOrGmtimeInto } from "../libc/mktime.js";
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
const MAX_CALENDAR_ITERATIONS = 1000;

/** The spec and glibc state one search runs with (systemd's `c` and the process). */
interface Ctx {
  spec: CalendarSpec;
  session: LibcSession;
}

const mktimeIn = (ctx: Ctx, tm: Tm): number | null => mktimeOrTimegm(tm, ctx.spec.utc, ctx.session);

// The search is not re-entrant (mktime never calls back into it), so its
// structs are reused: a report of 10,000 elapses would otherwise allocate
// several objects per elapse and spend its time collecting them.
const scratch = blankTm();
const cur = blankTm();
const start = blankTm();
const val = { v: 0 };
let foundUsec = 0;

function blankTm(): Tm {
  return { sec: 0, min: 0, hour: 0, mday: 1, mon: 0, year: 70, wday: 4, yday: 0, isdst: 0, gmtoff: 0, zone: "" };
}

/** find_end_of_month(): the day that is `day` days before the next month's first. */
function findEndOfMonth(ctx: Ctx, tm: Tm, day: number): number {
  const t = scratch;
  assignTm(t, tm);
  t.mon++;
  t.mday = 1 - day;
  const r = mktimeIn(ctx, t);
  if (r === null || r < 0 || t.mon !== tm.mon) return -1;
  return t.mday;
}

/** find_matching_component(): 1 changed, 0 unchanged, -1 no match (ENOENT). */
function findMatching(ctx: Ctx, chain: CalendarComponent[], isDay: boolean, tm: Tm): number {
  if (chain.length === 0) return 0;
  const endOfMonth = ctx.spec.endOfMonth && isDay;
  let d = -1;
  let dSet = false;
  for (let i = 0; i < chain.length; i++) {
    const c = chain[i]!;
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
  const r = mktimeIn(ctx, t);
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
  const r = mktimeIn(ctx, t);
  if (r === null || r < 0) return false;
  const k = t.wday === 0 ? 6 : t.wday - 1;
  return (bits & (1 << k)) !== 0;
}

/** Wall-clock order of two broken-down times (year down to second). */
function compareFields(a: Tm, b: Tm): number {
  return (
    Math.sign(a.year - b.year) ||
    Math.sign(a.mon - b.mon) ||
    Math.sign(a.mday - b.mday) ||
    Math.sign(a.hour - b.hour) ||
    Math.sign(a.min - b.min) ||
    Math.sign(a.sec - b.sec)
  );
}

const MON = 0;
const MDAY = 1;
const HOUR = 2;
const MIN = 3;
const SEC = 4;

/** Zero every field of `c` from `level` down, as find_next() does after a field moved. */
function resetBelow(c: Tm, level: number): void {
  if (level <= MON) c.mon = 0;
  if (level <= MDAY) c.mday = 1;
  if (level <= HOUR) c.hour = 0;
  if (level <= MIN) c.min = 0;
  c.sec = 0;
}

/**
 * find_next(): searches from `tm` (left as it is) into `cur`; the sub-second
 * part goes to `foundUsec`. Returns null, or the error.
 */
function findNext(ctx: Ctx, tm: Tm, usecIn: number): NextError | null {
  const spec = ctx.spec;
  const c = cur;
  assignTm(c, tm);
  let tmUsec = usecIn;
  // Set once the search came back to (or before) where it started; from then on
  // mktime() keeps the tm_isdst it found instead of the spec's. The tested
  // systemd 252.38 build has this (a stable-branch backport of the fix for zones
  // with negative DST, such as Europe/Dublin, where the search would otherwise
  // return the same elapse again).
  let invalidateDst = false;

  for (let iteration = 0; iteration < MAX_CALENDAR_ITERATIONS; iteration++) {
    mktimeIn(ctx, c);
    if (!invalidateDst) c.isdst = spec.dst;

    val.v = c.year + 1900;
    let r = findMatching(ctx, spec.year, false, c);
    c.year = val.v - 1900;
    if (r > 0) {
      resetBelow(c, MON);
      tmUsec = 0;
    }
    if (r < 0) return "ENOENT";
    if (withinBounds(ctx, c) <= 0) return "ENOENT";

    val.v = c.mon + 1;
    r = findMatching(ctx, spec.month, false, c);
    c.mon = val.v - 1;
    if (r > 0) {
      resetBelow(c, MDAY);
      tmUsec = 0;
    }
    if (r < 0 || (r = withinBounds(ctx, c)) < 0) {
      c.year++;
      resetBelow(c, MON);
      tmUsec = 0;
      continue;
    }
    if (r === 0) continue;

    val.v = c.mday;
    r = findMatching(ctx, spec.day, true, c);
    c.mday = val.v;
    if (r > 0) {
      resetBelow(c, HOUR);
      tmUsec = 0;
    }
    if (r < 0 || (r = withinBounds(ctx, c)) < 0) {
      c.mon++;
      resetBelow(c, MDAY);
      tmUsec = 0;
      continue;
    }
    if (r === 0) continue;

    if (!matchesWeekday(ctx, spec.weekdaysBits, c)) {
      c.mday++;
      resetBelow(c, HOUR);
      tmUsec = 0;
      continue;
    }

    val.v = c.hour;
    r = findMatching(ctx, spec.hour, false, c);
    c.hour = val.v;
    if (r > 0) {
      resetBelow(c, MIN);
      tmUsec = 0;
    }
    if (r < 0 || (r = withinBounds(ctx, c)) < 0) {
      c.mday++;
      resetBelow(c, HOUR);
      tmUsec = 0;
      continue;
    }
    if (r === 0) continue;

    val.v = c.min;
    r = findMatching(ctx, spec.minute, false, c);
    c.min = val.v;
    if (r > 0) {
      resetBelow(c, SEC);
      tmUsec = 0;
    }
    if (r < 0 || (r = withinBounds(ctx, c)) < 0) {
      c.hour++;
      resetBelow(c, MIN);
      tmUsec = 0;
      continue;
    }
    if (r === 0) continue;

    val.v = c.sec * USEC_PER_SEC + tmUsec;
    r = findMatching(ctx, spec.second, false, c);
    tmUsec = val.v % USEC_PER_SEC;
    c.sec = Math.trunc(val.v / USEC_PER_SEC);
    if (r < 0 || (r = withinBounds(ctx, c)) < 0) {
      c.min++;
      resetBelow(c, SEC);
      tmUsec = 0;
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

    foundUsec = tmUsec;
    return null;
  }
  return "EDEADLK";
}

/** USEC_TIMESTAMP_FORMATTABLE_MAX of systemd 252 on 64-bit: the end of year 9999 */
export const USEC_TIMESTAMP_FORMATTABLE_MAX = 253402214399000000;

/**
 * calendar_spec_next_usec_impl(): the first elapse strictly after `usec`, in
 * the session's zone (or UTC for a UTC spec).
 */
export function findNextUsec(spec: CalendarSpec, usec: number, session: LibcSession): number | NextError {
  if (usec > USEC_TIMESTAMP_FORMATTABLE_MAX) return "EINVAL";
  const u = usec + 1;
  const t = Math.floor(u / USEC_PER_SEC);
  if (!localtimeOrGmtimeInto(t, spec.utc, session, start)) return "EINVAL";
  const ctx: Ctx = { spec, session };
  const r = findNext(ctx, start, u % USEC_PER_SEC);
  if (r !== null) return r;
  const secs = mktimeIn(ctx, cur);
  if (secs === null || secs < 0) return "EINVAL";
  return secs * USEC_PER_SEC + foundUsec;
}
