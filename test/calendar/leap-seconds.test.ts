import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { leapAt, parseTzif, tzifZone } from "../../src/calendar/zone/tzif.js";
import { LibcSession } from "../../src/calendar/libc/session.js";
import { mktime } from "../../src/calendar/libc/mktime.js";

describe("leap seconds of right/ zones, as glibc applies them", () => {
  // 1972-07-01 and 1973-01-01 as they appear in the right/ files: two inserted seconds in a row are one run
  const leaps = [
    { transition: 78796800, correction: 1 },
    { transition: 94694401, correction: 2 },
  ];

  it("leapAt: the correction of the last record at or before t, and :60 exactly at an inserted second", () => {
    expect(leapAt(leaps, 78796799)).toEqual({ correct: 0, hit: 0 });
    expect(leapAt(leaps, 78796800)).toEqual({ correct: 1, hit: 1 });
    expect(leapAt(leaps, 78796801)).toEqual({ correct: 1, hit: 0 });
    expect(leapAt(leaps, 94694401)).toEqual({ correct: 2, hit: 1 });
    expect(
      leapAt(
        [
          { transition: 10, correction: 1 },
          { transition: 11, correction: 2 },
        ],
        11,
      ),
    ).toEqual({ correct: 2, hit: 2 });
    // a removed second (correction going down) is never shown as :60
    expect(
      leapAt(
        [
          { transition: 10, correction: 1 },
          { transition: 20, correction: 0 },
        ],
        20,
      ),
    ).toEqual({ correct: 0, hit: 0 });
  });

  const RIGHT_UTC = "/usr/share/zoneinfo/right/UTC";
  it.skipIf(!existsSync(RIGHT_UTC))("right/UTC: 27 leap seconds by 2026, the 2016 one shown as 23:59:60, mktime inverts it", () => {
    const bytes = new Uint8Array(readFileSync(RIGHT_UTC));
    const data = parseTzif(bytes)!;
    expect(data.leaps.length).toBeGreaterThanOrEqual(27);
    const zone = tzifZone("right/UTC", bytes)!;
    expect(zone.leap!(1_767_225_627)).toEqual({ correct: 27, hit: 0 });
    const s = new LibcSession(zone);
    const tm = s.localtime(1_483_228_826)!;
    expect([tm.hour, tm.min, tm.sec, tm.mday]).toEqual([23, 59, 60, 31]);
    const midnight = { sec: 0, min: 0, hour: 0, mday: 1, mon: 0, year: 126, wday: 0, yday: 0, isdst: -1, gmtoff: 0, zone: "" };
    expect(mktime(midnight, s)).toBe(1_767_225_627);
  });
});
