import type { Zone, ZoneInfo } from "../zone/zone.js";
import type { Tm } from "./tm.js";
import { offtime } from "./offtime.js";

/**
 * The process-wide time state of one C program: its TZ zone, glibc's global
 * `tzname[]` and mktime's static offset guess. systemd's results depend on all
 * three (an ambiguous local time resolves by mktime's previous guess), so each
 * `systemd-analyze` run is replayed with one session, and systemd's fork() for
 * a spec's own zone (calendarspec.c calendar_spec_next_usec) with a copy.
 */
export class LibcSession {
  tzname: readonly [string, string];
  /** glibc mktime.c `localtime_offset`: minus the UTC offset of the last result */
  localtimeOffset = 0;

  // the zone's answer for the last instant looked up, and where it stays valid
  private spanInfo: ZoneInfo | undefined;
  private spanFrom = 0;
  private spanTo = -1;

  constructor(readonly zone: Zone) {
    this.tzname = zone.initialTzname;
  }

  // children by zone, so a spec with its own zone keeps its zone lookups warm across elapses
  private children: Map<Zone, LibcSession> | undefined;

  /**
   * fork() and setenv("TZ", zone): the child inherits the offset guess and
   * starts with the zone's initial tzname[]. The child is reused by the next
   * fork() to the same zone (its glibc state reset), so use it before forking again.
   */
  fork(zone: Zone): LibcSession {
    let child = this.children?.get(zone);
    if (child) child.tzname = zone.initialTzname;
    else (this.children ??= new Map()).set(zone, (child = new LibcSession(zone)));
    child.localtimeOffset = this.localtimeOffset;
    return child;
  }

  /** localtime_r */
  localtime(t: number): Tm | null {
    const tm: Tm = { sec: 0, min: 0, hour: 0, mday: 1, mon: 0, year: 70, wday: 4, yday: 0, isdst: 0, gmtoff: 0, zone: "" };
    return this.localtimeInto(t, tm) ? tm : null;
  }

  /** localtime_r into an existing struct (the hot path of mktime's probing). */
  localtimeInto(t: number, tm: Tm): boolean {
    const info = this.infoAt(t);
    this.tzname = info.tzname;
    tm.isdst = info.isdst;
    tm.gmtoff = info.gmtoff;
    tm.zone = info.abbr;
    if (!this.zone.leap) return offtime(t, info.gmtoff, tm);
    const { correct, hit } = this.zone.leap(t);
    if (!offtime(t, info.gmtoff - correct, tm)) return false;
    tm.sec += hit;
    return true;
  }

  /**
   * The first instant after `t` at which the zone's answer may differ from
   * its answer at `t` (`t` itself when the zone cannot tell): up to there the
   * wall clock runs evenly, with no gap or overlap.
   */
  steadyUntil(t: number): number {
    this.infoAt(t);
    return this.zone.span && t >= this.spanFrom && t < this.spanTo ? this.spanTo : t;
  }

  private infoAt(t: number): ZoneInfo {
    if (t >= this.spanFrom && t < this.spanTo) return this.spanInfo!;
    if (!this.zone.span) return this.zone.lookup(t);
    const s = this.zone.span(t);
    this.spanFrom = s.from;
    this.spanTo = s.to;
    return (this.spanInfo = s.info);
  }
}
