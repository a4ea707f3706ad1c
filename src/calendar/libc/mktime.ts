import { type Tm, MON_YDAY, assignTm, cdiv, fdiv } from "./tm.js";
import type { LibcSession } from "./session.js";
import type { Zone } from "../zone/zone.js";
import { offtime } from "./offtime.js";

/*
 * glibc 2.36 mktime/timegm (time/mktime.c __mktime_internal), re-expressed.
 * systemd's calendar search feeds mktime out-of-range and DST-ambiguous fields
 * and compares what comes back, so its answers depend on this exact algorithm:
 * the probing from the previous call's offset, the oscillation rule inside a
 * spring-forward gap, and the search for a neighbouring instant with the
 * requested tm_isdst.
 */

const TM_YEAR_BASE = 1900;
const EPOCH_YEAR = 1970;

const leapyear = (year: number) => (year & 3) === 0 && (year % 100 !== 0 || (cdiv(year, 100) & 3) === (-(TM_YEAR_BASE / 100) & 3));

function ydhmsDiff(
  year1: number,
  yday1: number,
  hour1: number,
  min1: number,
  sec1: number,
  year0: number,
  yday0: number,
  hour0: number,
  min0: number,
  sec0: number,
): number {
  const a4 = fdiv(year1, 4) + fdiv(TM_YEAR_BASE, 4) - ((year1 & 3) === 0 ? 1 : 0);
  const b4 = fdiv(year0, 4) + fdiv(TM_YEAR_BASE, 4) - ((year0 & 3) === 0 ? 1 : 0);
  const a100 = fdiv(a4, 25);
  const b100 = fdiv(b4, 25);
  const a400 = fdiv(a100, 4);
  const b400 = fdiv(b100, 4);
  const leapDays = a4 - b4 - (a100 - b100) + (a400 - b400);
  const days = 365 * (year1 - year0) + yday1 - yday0 + leapDays;
  return 60 * (60 * (24 * days + hour1 - hour0) + min1 - min0) + sec1 - sec0;
}

const isdstDiffer = (a: number, b: number) => !a !== !b && a >= 0 && b >= 0;

/** What mktimeInternal converts with: a session's zone, or UTC for timegm. */
type Converter = LibcSession | null;

function convert(c: Converter, t: number, out: Tm, leapZone?: Zone): boolean {
  if (c) return c.localtimeInto(t, out);
  return gmtimeInto(t, out, leapZone);
}

/**
 * gmtime_r into `out`. While TZ names a zone with leap-second records (right/...),
 * glibc's gmtime applies them as well: pass that zone as `leapZone`.
 */
export function gmtimeInto(t: number, out: Tm, leapZone?: Zone): boolean {
  out.isdst = 0;
  out.gmtoff = 0;
  out.zone = "GMT";
  if (!leapZone?.leap) return offtime(t, 0, out);
  const { correct, hit } = leapZone.leap(t);
  if (!offtime(t, -correct, out)) return false;
  out.sec += hit;
  return true;
}

// mktime() is not re-entrant here (conversions never call it), so its probe
// structs can be reused instead of allocated on every call.
const probe: Tm = { sec: 0, min: 0, hour: 0, mday: 1, mon: 0, year: 70, wday: 4, yday: 0, isdst: 0, gmtoff: 0, zone: "" };
const neighbour: Tm = { sec: 0, min: 0, hour: 0, mday: 1, mon: 0, year: 70, wday: 4, yday: 0, isdst: 0, gmtoff: 0, zone: "" };
let gmtimeOffset = 0;

/*
 * The last call's question and answer. mktime() is a pure function of the
 * fields, the zone and the offset guess, and systemd's search asks the same
 * question several times in a row (tm_within_bounds() on a field that did not
 * move): a repeat is answered from here, with the same effects on the guess
 * and on tzname[] (the last instant converted is the answer's).
 */
const memo = {
  conv: undefined as Converter | undefined,
  leapZone: undefined as Zone | undefined,
  guess: 0,
  sec: 0,
  min: 0,
  hour: 0,
  mday: 0,
  mon: 0,
  year: 0,
  isdst: 0,
  t: 0,
  out: { sec: 0, min: 0, hour: 0, mday: 1, mon: 0, year: 70, wday: 4, yday: 0, isdst: 0, gmtoff: 0, zone: "" },
  tzname: undefined as readonly [string, string] | undefined,
};

function mktimeInternal(tp: Tm, conv: Converter, leapZone?: Zone): number | null {
  const guess = conv ? conv.localtimeOffset : gmtimeOffset;
  const m = memo;
  if (
    m.conv === conv &&
    m.leapZone === leapZone &&
    m.guess === guess &&
    m.sec === tp.sec &&
    m.min === tp.min &&
    m.hour === tp.hour &&
    m.mday === tp.mday &&
    m.mon === tp.mon &&
    m.year === tp.year &&
    m.isdst === tp.isdst
  ) {
    assignTm(tp, m.out);
    if (conv) conv.tzname = m.tzname!;
    // the guess after an answered call is the answer's offset, the same as before the repeat
    return m.t;
  }
  const { sec, min, hour, mday, mon, year, isdst } = tp;
  const t = mktimeUncached(tp, conv, leapZone);
  if (t === null || (conv ? conv.localtimeOffset : gmtimeOffset) !== guess) {
    m.conv = undefined;
    return t;
  }
  m.conv = conv;
  m.leapZone = leapZone;
  m.guess = guess;
  m.sec = sec;
  m.min = min;
  m.hour = hour;
  m.mday = mday;
  m.mon = mon;
  m.year = year;
  m.isdst = isdst;
  m.t = t;
  assignTm(m.out, tp);
  m.tzname = conv ? conv.tzname : undefined;
  return t;
}

/** Returns the time_t, or null where glibc returns -1 with EOVERFLOW (tp untouched). */
function mktimeUncached(tp: Tm, conv: Converter, leapZone?: Zone): number | null {
  let sec = tp.sec;
  const { min, hour, mday, mon, isdst } = tp;
  const monRemainder = mon % 12;
  const negRem = monRemainder < 0 ? 1 : 0;
  const year = tp.year + cdiv(mon, 12) - negRem;
  const yday = MON_YDAY[leapyear(year) ? 1 : 0]![monRemainder + 12 * negRem]! - 1 + mday;
  const secRequested = sec;
  if (sec < 0) sec = 0;
  if (sec > 59) sec = 59;

  const negativeOffsetGuess = -(conv ? conv.localtimeOffset : gmtimeOffset);
  const t0 = ydhmsDiff(year, yday, hour, min, sec, EPOCH_YEAR - TM_YEAR_BASE, 0, 0, 0, negativeOffsetGuess);
  let t = t0;
  let t1 = t0;
  let t2 = t0;
  let dst2 = 0;
  let remainingProbes = 6;

  const tm = probe;
  found: {
    for (;;) {
      if (!convert(conv, t, tm, leapZone)) return null;
      const dt = ydhmsDiff(year, yday, hour, min, sec, tm.year, tm.yday, tm.hour, tm.min, tm.sec);
      if (dt === 0) break;
      const tmDst = tm.isdst !== 0 ? 1 : 0;
      if (t === t1 && t !== t2 && (tm.isdst < 0 || (isdst < 0 ? dst2 <= tmDst : (isdst !== 0 ? 1 : 0) !== tmDst))) break found;
      if (--remainingProbes === 0) return null;
      t1 = t2;
      t2 = t;
      t += dt;
      dst2 = tmDst;
    }
    if (isdstDiffer(isdst, tm.isdst)) {
      // Probe neighbouring instants for the requested tm_isdst and reuse their offset.
      const otm = neighbour;
      const stride = 601200;
      const deltaBound = Math.trunc(536454000 / 2) + stride;
      for (let delta = stride; delta < deltaBound; delta += stride) {
        for (let direction = -1; direction <= 1; direction += 2) {
          const ot = t + delta * direction;
          if (!convert(conv, ot, otm, leapZone)) return null;
          if (!isdstDiffer(isdst, otm.isdst)) {
            const gt = ot + ydhmsDiff(year, yday, hour, min, sec, otm.year, otm.yday, otm.hour, otm.min, otm.sec);
            if (convert(conv, gt, tm, leapZone)) {
              t = gt;
              break found;
            }
          }
        }
      }
      return null;
    }
  }
  const newOffset = t - t0 - negativeOffsetGuess;
  if (conv) conv.localtimeOffset = newOffset;
  else gmtimeOffset = newOffset;
  if (secRequested !== tm.sec) {
    t += (sec === 0 && tm.sec === 60 ? 1 : 0) - sec + secRequested;
    if (!convert(conv, t, tm, leapZone)) return null;
  }
  assignTm(tp, tm);
  return t;
}

/** mktime(3) in the session's zone; updates the session's offset guess and tzname[]. */
export function mktime(tp: Tm, session: LibcSession): number | null {
  return mktimeInternal(tp, session);
}

/** timegm(3); glibc clears the caller's tm_isdst first, even when it then fails. `leapZone`: see gmtimeInto. */
function timegm(tp: Tm, leapZone?: Zone): number | null {
  tp.isdst = 0;
  return mktimeInternal(tp, null, leapZone);
}

/** systemd's mktime_or_timegm(): -1 (failure) is returned as null. */
export function mktimeOrTimegm(tp: Tm, utc: boolean, session: LibcSession): number | null {
  return utc ? timegm(tp, session.zone) : mktime(tp, session);
}

export function localtimeOrGmtime(t: number, utc: boolean, session: LibcSession): Tm | null {
  const tm: Tm = { sec: 0, min: 0, hour: 0, mday: 1, mon: 0, year: 70, wday: 4, yday: 0, isdst: 0, gmtoff: 0, zone: "GMT" };
  return localtimeOrGmtimeInto(t, utc, session, tm) ? tm : null;
}

/** localtime_r or gmtime_r into an existing struct; false where glibc fails (EOVERFLOW). */
export function localtimeOrGmtimeInto(t: number, utc: boolean, session: LibcSession, tm: Tm): boolean {
  return utc ? gmtimeInto(t, tm, session.zone) : session.localtimeInto(t, tm);
}
