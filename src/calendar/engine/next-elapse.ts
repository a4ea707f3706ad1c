import type { CalendarSpec } from "../spec/model.js";
import type { LibcSession } from "../libc/session.js";
import type { ZoneSource } from "../zone/source.js";
import { posixZone } from "../zone/posix-tz.js";
import type { NextError } from "./find-next.js";
import { nextUsecIn } from "./shift-cache.js";

/**
 * calendar_spec_next_usec(): a spec with its own zone is evaluated in a forked
 * child with TZ set to that zone; the child's glibc state is thrown away.
 */
export function nextElapseUsec(spec: CalendarSpec, usec: number, session: LibcSession, zones: ZoneSource): number | NextError {
  if (spec.timezone) {
    const zone = zones.load(spec.timezone) ?? posixZone(spec.timezone, spec.timezone);
    return nextUsecIn(spec, usec, session.fork(zone));
  }
  return nextUsecIn(spec, usec, session);
}

/** Up to `count` elapses after `base`, stopping early at "never" or an error. */
export function elapsesAfter(spec: CalendarSpec, base: number, count: number, session: LibcSession, zones: ZoneSource): { elapses: number[]; end?: NextError } {
  const elapses: number[] = [];
  let n = base;
  for (let i = 0; i < count; i++) {
    const r = nextElapseUsec(spec, n, session, zones);
    if (typeof r === "string") return { elapses, end: r };
    elapses.push(r);
    n = r;
  }
  return { elapses };
}
