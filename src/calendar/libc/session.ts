import type { Zone } from "../zone/zone.js";
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
  tzname: [string, string];
  /** glibc mktime.c `localtime_offset`: minus the UTC offset of the last result */
  localtimeOffset = 0;

  constructor(readonly zone: Zone) {
    this.tzname = [zone.initialTzname[0], zone.initialTzname[1]];
  }

  /** fork() and setenv("TZ", zone): the child inherits the offset guess. */
  fork(zone: Zone): LibcSession {
    const child = new LibcSession(zone);
    child.localtimeOffset = this.localtimeOffset;
    return child;
  }

  /** localtime_r */
  localtime(t: number): Tm | null {
    const info = this.zone.lookup(t);
    this.tzname = [info.tzname[0], info.tzname[1]];
    const tm: Tm = { sec: 0, min: 0, hour: 0, mday: 1, mon: 0, year: 70, wday: 4, yday: 0, isdst: info.isdst, gmtoff: info.gmtoff, zone: info.abbr };
    return offtime(t, info.gmtoff, tm) ? tm : null;
  }
}
