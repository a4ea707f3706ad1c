import { type CalendarSpec, BITS_WEEKDAYS, USEC_PER_SEC } from "../spec/model.js";
import type { Tm } from "../libc/tm.js";
import { gmtimeInto } from "../libc/mktime.js";
import type { LibcSession } from "../libc/session.js";
import { findNextUsec, USEC_TIMESTAMP_FORMATTABLE_MAX, type NextError } from "./find-next.js";

/*
 * A spec that constrains only the time of day (and maybe the weekday) is
 * searched the same way from every day: where the zone's offset stays the
 * same from the start to the answer, find_next() sees wall-clock fields only,
 * and every candidate it tries lies between the start and the answer. So the
 * answer is the start plus a distance that depends on the start's time of day
 * (and weekday) alone. The distance is learned from one real search and reused
 * wherever the zone is steady over the whole distance; anywhere else (a DST
 * change in between, a spec with dates, `~`, a DST-flavoured zone name,
 * leap-second zones, the year limit) the real search runs. A report of
 * 10,000 hourly elapses runs 24 real searches instead of 10,000.
 */

const distances = new WeakMap<CalendarSpec, Map<number, number>>();
const tm: Tm = { sec: 0, min: 0, hour: 0, mday: 1, mon: 0, year: 70, wday: 4, yday: 0, isdst: 0, gmtoff: 0, zone: "" };

/** 2199-01-01 00:00 UTC: past this the search's year limit (MAX_YEAR) may be near, so it always runs. */
const LAST_SHIFTABLE = 7226582400;

function shiftable(spec: CalendarSpec, session: LibcSession): boolean {
  return spec.year.length === 0 && spec.month.length === 0 && spec.day.length === 0 && !spec.endOfMonth && spec.dst === -1 && !session.zone.leap;
}

/**
 * calendar_spec_next_usec_impl(): the first elapse strictly after `usec`, in
 * the session's zone (or UTC for a UTC spec), with the same effects on the
 * session (mktime's offset guess, tzname[]) as the search itself.
 */
export function nextUsecIn(spec: CalendarSpec, usec: number, session: LibcSession): number | NextError {
  if (usec > USEC_TIMESTAMP_FORMATTABLE_MAX || !shiftable(spec, session)) return findNextUsec(spec, usec, session);
  const u = usec + 1;
  const t = Math.floor(u / USEC_PER_SEC);
  // the search starts with this very conversion, so tzname[] is what it would be
  const ok = spec.utc ? gmtimeInto(t, tm) : session.localtimeInto(t, tm);
  if (!ok) return findNextUsec(spec, usec, session);
  const steadyUntil = spec.utc ? Infinity : session.steadyUntil(t);
  const anyWeekday = spec.weekdaysBits < 0 || spec.weekdaysBits >= BITS_WEEKDAYS;
  const key = ((tm.hour * 3600 + tm.min * 60 + tm.sec) * USEC_PER_SEC + (u % USEC_PER_SEC)) * 8 + (anyWeekday ? 7 : tm.wday);
  let known = distances.get(spec);
  const d = known?.get(key);
  if (d !== undefined) {
    const r = u + d;
    const rs = Math.floor(r / USEC_PER_SEC);
    if (rs < steadyUntil && rs < LAST_SHIFTABLE) {
      // after the search, mktime's guess is the answer's offset (steady: the start's) and tzname[] the answer's (the same span's)
      if (!spec.utc) session.localtimeOffset = 0 - tm.gmtoff; // (not -gmtoff: no -0)
      return r;
    }
  }
  const r = findNextUsec(spec, usec, session);
  if (typeof r === "number") {
    const rs = Math.floor(r / USEC_PER_SEC);
    if (rs < steadyUntil && rs < LAST_SHIFTABLE) {
      if (!known) distances.set(spec, (known = new Map()));
      known.set(key, r - u);
    }
  }
  return r;
}
