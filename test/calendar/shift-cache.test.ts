import { describe, expect, it } from "vitest";
import { nodeSession } from "../../src/node/time-zone.js";
import { LibcSession } from "../../src/calendar/libc/session.js";
import { parseCalendarIn } from "../../src/calendar/calendar.js";
import { findNextUsec } from "../../src/calendar/engine/find-next.js";
import { nextUsecIn } from "../../src/calendar/engine/shift-cache.js";
import { posixZone } from "../../src/calendar/zone/posix-tz.js";
import { intlZoneSource } from "../../src/calendar/zone/source.js";

// The shortcut for time-of-day specs (engine/shift-cache.ts) must give every
// elapse and leave mktime's guess and tzname[] exactly as the full search does,
// across DST changes in both directions, half-hour and negative DST, and
// POSIX TZ strings.
const { zones } = nodeSession({ TZ: "UTC" });
const ZONES = ["Europe/Berlin", "Australia/Lord_Howe", "America/Santiago", "Europe/Dublin", "Asia/Kolkata", "UTC"];
const SPECS = ["*-*-* *:00:00", "Mon *-*-* 08:00", "*:0/7", "Mon..Fri 02:30", "*-*-* 00:00", "Sat,Sun 01:59:59.5", "*:*:0/20", "*-*-* 02:00:00 UTC"];
const BASE = 1_761_000_000 * 1e6; // October 2025: a fall-back change ahead in the north, spring-forward in the south

function compare(zoneName: string, zone: ReturnType<typeof posixZone>, spec: string, count: number) {
  const fast = new LibcSession(zone);
  const full = new LibcSession(zone);
  const parsed = parseCalendarIn(spec, full, zones);
  if (!parsed.ok) throw new Error(`${spec}: ${parsed.systemdMessage}`);
  let a = BASE;
  let b = BASE;
  for (let i = 0; i < count; i++) {
    const ra = nextUsecIn(parsed.spec, a, fast);
    const rb = findNextUsec(parsed.spec, b, full);
    expect([zoneName, spec, i, ra, fast.localtimeOffset, fast.tzname]).toEqual([zoneName, spec, i, rb, full.localtimeOffset, full.tzname]);
    if (typeof ra !== "number" || typeof rb !== "number") return;
    a = ra;
    b = rb;
  }
}

describe("the time-of-day shortcut of the next-elapse search", () => {
  for (const name of ZONES) {
    it(`gives the full search's elapses and glibc state in ${name}`, () => {
      const zone = zones.load(name)!;
      for (const spec of SPECS) compare(name, zone, spec, 1500);
    });
  }
  it("gives the full search's elapses and glibc state with zones from Intl (the browser's zone data)", () => {
    for (const name of ["Europe/Berlin", "Australia/Lord_Howe"]) {
      const zone = intlZoneSource.load(name)!;
      for (const spec of SPECS) compare(`Intl ${name}`, zone, spec, 600);
    }
  });
  it("gives the full search's elapses and glibc state with a POSIX TZ string", () => {
    const zone = posixZone("EST5EDT,M3.2.0,M11.1.0", "EST5EDT,M3.2.0,M11.1.0");
    for (const spec of SPECS) compare("EST5EDT", zone, spec, 1500);
  });
});
