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

  /** fork() and setenv("TZ", zone): the child inherits the offset guess. */
  fork(zone: Zone): LibcSession {
    const child = new LibcSession(zone);
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
    let info: ZoneInfo;
    if (t >= this.spanFrom && t < this.spanTo) info = this.spanInfo!;
    else if (this.zone.span) {
      const s = this.zone.span(t);
      info = this.spanInfo = s.info;
      this.spanFrom = s.from;
      this.spanTo = s.to;
    } else info = this.zone.lookup(t);
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
}
