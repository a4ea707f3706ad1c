// The Intl-backed zone (no zoneinfo files: browsers, Windows) reads UTC offsets
// from Intl.DateTimeFormat itself; they must equal the zoneinfo files' offsets.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { intlZone, utcOffsetReader } from "../../src/calendar/zone/intl-zone.js";
import { tzifZone } from "../../src/calendar/zone/tzif.js";

const ZONES = [
  "UTC",
  "Europe/Berlin",
  "America/New_York",
  "Australia/Lord_Howe",
  "Asia/Kathmandu",
  "Pacific/Chatham",
  "America/St_Johns",
  "Africa/Casablanca",
  "Europe/Dublin",
  "Pacific/Apia",
  "America/Sao_Paulo",
  "Asia/Tehran",
];
const zoneinfo = (z: string) => `/usr/share/zoneinfo/${z}`;
/** -0 (a zoneinfo offset of "-00") and 0 are the same offset. */
const n = (x: number) => x || 0;

describe("Intl zone offsets", () => {
  it.skipIf(!existsSync(zoneinfo("Europe/Berlin")))(
    "equal the zoneinfo files' offsets, 1970-2100, every 5 days and a second either side of each change",
    () => {
      for (const name of ZONES) {
        const file = tzifZone(name, readFileSync(zoneinfo(name)))!;
        const offsetAt = utcOffsetReader(name);
        let prev = n(file.lookup(0).gmtoff);
        for (let t = 0; t < 4102444800; t += 5 * 86400) {
          const o = n(file.lookup(t).gmtoff);
          expect(offsetAt(t), `${name} at ${t}`).toBe(o);
          if (o !== prev) {
            // Find the change to the second in the zoneinfo data, then compare both sides.
            let lo = t - 5 * 86400;
            let hi = t;
            while (hi - lo > 1) {
              const mid = Math.floor((lo + hi) / 2);
              if (n(file.lookup(mid).gmtoff) === prev) lo = mid;
              else hi = mid;
            }
            expect([offsetAt(lo), offsetAt(hi)], `${name} around ${hi}`).toEqual([prev, o]);
          }
          prev = o;
        }
      }
    },
  );

  it("handles instants before 1970 and fractions of a second", () => {
    const berlin = utcOffsetReader("Europe/Berlin");
    expect(berlin(-86400 * 365)).toBe(3600); // 1969-01-01, CET
    expect(berlin(Date.UTC(2026, 6, 1) / 1000 + 0.5)).toBe(7200);
    expect(utcOffsetReader("Asia/Kathmandu")(Date.UTC(2026, 0, 1) / 1000)).toBe(5 * 3600 + 45 * 60);
    expect(utcOffsetReader("America/St_Johns")(Date.UTC(2026, 0, 1) / 1000)).toBe(-(3 * 3600 + 30 * 60));
  });

  it("builds a zone with transitions, DST flags and names", () => {
    const z = intlZone("Europe/Berlin")!;
    const winter = z.lookup(Date.UTC(2026, 0, 15) / 1000);
    const summer = z.lookup(Date.UTC(2026, 6, 15) / 1000);
    expect([winter.gmtoff, winter.isdst, summer.gmtoff, summer.isdst]).toEqual([3600, 0, 7200, 1]);
    // The change on 2026-03-29 at 01:00 UTC, to the second.
    const change = Date.UTC(2026, 2, 29, 1) / 1000;
    expect([z.lookup(change - 1).gmtoff, z.lookup(change).gmtoff]).toEqual([3600, 7200]);
    expect(intlZone("Not/AZone")).toBeUndefined();
  });

  // The zones whose offset changes and changes back within about a week (the
  // closest pairs since 1970): the zone's sampled year tables must still find
  // both changes, to the second.
  const CLOSE_PAIRS = ["America/Noronha", "America/Boa_Vista", "America/Recife", "Asia/Gaza", "America/Argentina/Tucuman", "Africa/El_Aaiun"];
  it.skipIf(!existsSync(zoneinfo("Asia/Gaza")))("finds every change of the zones with the closest pairs of changes, 1970-2100", () => {
    for (const name of CLOSE_PAIRS) {
      const file = tzifZone(name, readFileSync(zoneinfo(name)))!;
      const z = intlZone(name)!;
      let prev = n(file.lookup(0).gmtoff);
      let changes = 0;
      // Walk the zoneinfo data hour by hour around its own changes: find them with a coarse step, then to the second.
      for (let t = 3600; t < 4102444800; t += 3600) {
        const o = n(file.lookup(t).gmtoff);
        if (o === prev) continue;
        let lo = t - 3600;
        let hi = t;
        while (hi - lo > 1) {
          const mid = Math.floor((lo + hi) / 2);
          if (n(file.lookup(mid).gmtoff) === prev) lo = mid;
          else hi = mid;
        }
        expect([n(z.lookup(lo).gmtoff), n(z.lookup(hi).gmtoff)], `${name} around ${new Date(hi * 1000).toISOString()}`).toEqual([prev, o]);
        changes++;
        prev = o;
      }
      expect(changes, name).toBeGreaterThan(1);
    }
  });
});
