import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeTimespan } from "../../src/calendar/analyze/timespan-report.js";
import { analyzeCalendar } from "../../src/calendar/analyze/calendar-report.js";
import { nodeSession } from "../../src/node/time-zone.js";
import { baseTimeArg } from "../../src/cli/calendar-args.js";
import { anySpec, baseSeconds, DIFF_ZONES, grammaticalSpec } from "./support/arbitraries.js";
import { compareCalendar, type Mismatch } from "./support/compare.js";
import { MAN_CALENDAR_EXAMPLES, MAN_TIMESPAN_EXAMPLES, MAN_TIMESTAMP_EXAMPLES } from "./support/man-examples.js";
import { hasSystemdAnalyze, runSystemdAnalyze } from "./support/systemd-analyze.js";
import { LibcSession } from "../../src/calendar/libc/session.js";
import { intlZoneSource, zoneFromTz } from "../../src/calendar/zone/source.js";

/*
 * unitlint against the installed systemd-analyze of systemd 252: byte-for-byte
 * the same stdout (minus the clock-dependent "From now:" lines, checked
 * separately), the same error lines and exit status. Many specs go through one
 * systemd-analyze process, which also replays systemd's process-wide glibc
 * state (mktime's offset guess, tzname[]) the way our report does.
 */

const report = (m: Mismatch[]) =>
  m
    .slice(0, 5)
    .map((x) => `${x.tz} @${x.base} ×${x.iterations} ${JSON.stringify(x.spec)}\n--- ours\n${x.ours}\n--- systemd\n${x.theirs}`)
    .join("\n\n");

describe.skipIf(!hasSystemdAnalyze)("differential: systemd-analyze calendar (skipped: systemd-analyze of systemd 252 is not installed)", () => {
  const BASES = [0, 1_000_000_000, 1_767_225_600, 1_774_746_000, 1_792_890_000, 1_798_761_599, 4_102_444_800, 7_200_000_000];

  for (const tz of DIFF_ZONES) {
    it(`systemd.time(7) examples in ${tz} from ${BASES.length} base times, 12 iterations`, () => {
      const mism = BASES.flatMap((b) => compareCalendar(MAN_CALENDAR_EXAMPLES, tz, b, 12));
      expect(mism, report(mism)).toEqual([]);
    });
  }

  it("2,500 generated valid-grammar specs across 5 zones and random base times, 6 iterations", () => {
    const mism: Mismatch[] = [];
    for (let round = 0; round < 10; round++) {
      const specs = fc.sample(grammaticalSpec, { seed: 20260 + round, numRuns: 250 });
      const base = fc.sample(baseSeconds, { seed: 777 + round, numRuns: 1 })[0]!;
      mism.push(...compareCalendar(specs, DIFF_ZONES[round % DIFF_ZONES.length]!, base, 6));
    }
    expect(mism, report(mism)).toEqual([]);
  });

  it("1,500 generated specs in 10 more zones (negative DST, half-hour DST, southern hemisphere, +13:45)", () => {
    const more = [
      "Europe/Dublin",
      "America/Sao_Paulo",
      "Pacific/Chatham",
      "Antarctica/Troll",
      "America/Santiago",
      "Asia/Tehran",
      "Africa/Casablanca",
      "Pacific/Apia",
      "America/St_Johns",
      "Europe/Moscow",
    ];
    const mism: Mismatch[] = [];
    more.forEach((tz, round) => {
      const specs = fc.sample(grammaticalSpec, { seed: 6060 + round, numRuns: 150 });
      const base = fc.sample(baseSeconds, { seed: 8080 + round, numRuns: 1 })[0]!;
      mism.push(...compareCalendar(specs, tz, base, 6));
    });
    // and the hours around Dublin's and Berlin's 2026 changes, where systemd 252.38 needs its negative-DST fix
    mism.push(...compareCalendar(["daily", "hourly", "minutely", "hourly IST", "hourly GMT", "*:0/20"], "Europe/Dublin", 1774656000, 8));
    mism.push(...compareCalendar(["hourly CEST", "minutely CEST", "*:0/20 CEST", "hourly CET", "*-*-* 02:30 CEST"], "Europe/Berlin", 1792880000, 8));
    expect(mism, report(mism)).toEqual([]);
  });

  it("2,500 generated specs, half of them mutated (mostly invalid), across 5 zones", () => {
    const mism: Mismatch[] = [];
    for (let round = 0; round < 10; round++) {
      const specs = fc.sample(anySpec, { seed: 90210 + round, numRuns: 250 });
      const base = fc.sample(baseSeconds, { seed: 4242 + round, numRuns: 1 })[0]!;
      mism.push(...compareCalendar(specs, DIFF_ZONES[(round + 2) % DIFF_ZONES.length]!, base, 3));
    }
    expect(mism, report(mism)).toEqual([]);
  });

  it("with the JavaScript engine's zones (the library default, no zoneinfo files): 1,500 specs, same output from 1990 on", () => {
    const bad: string[] = [];
    for (let round = 0; round < 5; round++) {
      const specs = fc.sample(grammaticalSpec, { seed: 5150 + round, numRuns: 300 });
      const tz = DIFF_ZONES[round]!;
      const base = 631_152_000 + round * 400_000_000;
      const theirs = runSystemdAnalyze(["calendar", `--base-time=@${base}`, "--iterations=4", "--", ...specs], tz);
      const session = new LibcSession(zoneFromTz(tz, intlZoneSource));
      const ours = analyzeCalendar({ specs, iterations: 4, base: base * 1e6, now: Date.now() * 1000, session, zones: intlZoneSource });
      const strip = (x: string) => x.replace(/^ *From now:.*\n/gm, "");
      if (strip(ours.stdout) !== strip(theirs.stdout)) bad.push(`${tz} @${base}`);
    }
    expect(bad).toEqual([]);
  });

  it("leap-second zones (right/...): as the spec's zone and as TZ, around inserted seconds", () => {
    // glibc takes the leap-second records of a right/ zone off the time before converting
    // it (localtime, and gmtime while such a zone is the TZ); systemd inherits that.
    const specs = [
      "daily right/UTC",
      "*:*:00 right/UTC",
      "minutely right/Europe/Berlin",
      "*-*-* *:*:00/30 right/Europe/Berlin",
      "hourly UTC",
      "daily",
      "*:*:59",
      "*:0/7:00 right/America/New_York",
      "2016-12-31 23:59:59..60 right/UTC",
      "2017-01-01 00:00:00 right/UTC",
      "*-*-* 23:59:59 right/UTC",
      "@1483228825",
      "@1483228826",
      "@1483228827",
      "Mon *-*-* 12:00 right/Asia/Kathmandu",
    ];
    const bases = [0, 78_796_799, 78_796_810, 1_483_228_799, 1_483_228_825, 1_483_228_826, 1_483_228_827, 1_767_225_600, 4_102_444_800];
    const mism: Mismatch[] = [];
    for (const tz of ["UTC", "right/UTC", "right/Europe/Berlin", "right/America/New_York"])
      for (const b of bases) mism.push(...compareCalendar(specs, tz, b, 4));
    expect(mism, report(mism)).toEqual([]);
    // the case of issue 17: right/UTC fires 27 s after midnight UTC (the leap seconds inserted since 1972)
    const { session, zones } = nodeSession({ TZ: "UTC" });
    expect(analyzeCalendar({ specs: ["daily right/UTC"], iterations: 1, base: 1_767_225_600_000_000, now: 0, session, zones }).stdout).toContain(
      "Next elapse: Thu 2026-01-01 00:00:27 UTC",
    );
  });

  it("the 'From now:' lines, far from the clock so rounding cannot flip", () => {
    const specs = ["2030-06-15 12:00", "2025-01-01", "*-*-* 00:00:00", "2100-01-01"];
    for (const tz of ["UTC", "Europe/Berlin"]) {
      const args = ["calendar", "--base-time=@1500000000", "--iterations=2", ...specs];
      const theirs = runSystemdAnalyze(args, tz);
      const { session, zones } = nodeSession({ TZ: tz });
      const ours = analyzeCalendar({ specs, iterations: 2, base: 1_500_000_000_000_000, now: Date.now() * 1000, session, zones });
      expect(ours.stdout).toBe(theirs.stdout);
    }
  });

  it("--base-time in systemd's timestamp syntax (local, UTC, zone suffix, @, relative)", () => {
    const bases = [
      "2026-01-01 00:00:00 UTC",
      "2026-03-29 01:30:00",
      "2026-10-25 02:30",
      "2026-11-01 01:30:00 America/New_York",
      "@1767225600",
      "@1767225600.5",
      "2026-04-05 02:15 Australia/Lord_Howe",
      "Sun 2026-03-29 02:30",
      "26-03-29 02:30:00",
      "2026-03-29 02:30:00 CET",
      "2026-07-01 12:00 CEST",
    ];
    const specs = ["*-*-* 01:30", "*-*-* 02:30", "*:0/20", "daily", "*-*-* 02:15 Australia/Lord_Howe"];
    for (const tz of DIFF_ZONES) {
      for (const b of bases) {
        const theirs = runSystemdAnalyze(["calendar", `--base-time=${b}`, "--iterations=4", ...specs], tz);
        const { session, zones } = nodeSession({ TZ: tz });
        let base: number;
        try {
          base = baseTimeArg(b, session, zones, Date.now() * 1000);
        } catch {
          expect(theirs.status, `${tz} ${b}: systemd accepted the base time, we did not`).not.toBe(0);
          continue;
        }
        const ours = analyzeCalendar({ specs, iterations: 4, base, now: Date.now() * 1000, session, zones });
        const strip = (s: string) => s.replace(/^ *From now:.*\n/gm, "");
        expect(strip(ours.stdout), `${tz} --base-time=${b}`).toBe(strip(theirs.stdout));
      }
    }
  });

  it("timestamp examples of systemd.time(7), as --base-time", () => {
    for (const tz of ["UTC", "Europe/Berlin", "Asia/Kathmandu"]) {
      for (const b of MAN_TIMESTAMP_EXAMPLES) {
        const theirs = runSystemdAnalyze(["calendar", `--base-time=${b}`, "hourly"], tz);
        const { session, zones } = nodeSession({ TZ: tz });
        let ok = true;
        let out = "";
        try {
          const base = baseTimeArg(b, session, zones, Date.now() * 1000);
          out = analyzeCalendar({ specs: ["hourly"], iterations: 1, base, now: Date.now() * 1000, session, zones }).stdout;
        } catch {
          ok = false;
        }
        expect(ok, `${tz} ${b}`).toBe(theirs.status === 0);
        // "11:12" style bases are relative to today: both read the clock, so compare only when absolute
        if (ok && !/^\d\d:\d\d/.test(b)) expect(out.replace(/^ *From now:.*\n/gm, ""), `${tz} ${b}`).toBe(theirs.stdout.replace(/^ *From now:.*\n/gm, ""));
      }
    }
  });
});

describe.skipIf(!hasSystemdAnalyze)("differential: systemd-analyze timespan (skipped: systemd-analyze of systemd 252 is not installed)", () => {
  const piece = fc.oneof(
    fc.stringMatching(/^[0-9]{1,4}$/),
    fc.stringMatching(/^[0-9]{0,3}\.[0-9]{0,8}$/),
    fc.constantFrom(
      "s",
      "sec",
      "min",
      "m",
      "ms",
      "us",
      "µs",
      "h",
      "hr",
      "d",
      "w",
      "M",
      "y",
      "years",
      "months",
      "minutes",
      "usec",
      "msec",
      " ",
      "  ",
      "\t",
      "infinity",
      "+",
      "x",
      ".",
      "18446744073709551615",
      "9223372036854775807",
    ),
  );
  const span = fc
    .array(piece, { minLength: 1, maxLength: 6 })
    .map((a) => a.join(""))
    .filter((s) => !s.startsWith("-"));

  it("man page examples and 600 generated spans give the same report, error and status", () => {
    const spans = [...MAN_TIMESPAN_EXAMPLES, ...fc.sample(span, { seed: 31337, numRuns: 600 })];
    const { session, zones } = nodeSession({ TZ: "UTC" });
    const bad: string[] = [];
    // systemd-analyze timespan stops at the first bad span: run the valid ones together, the others one by one
    const first = (s: string) => s.split("\n")[0];
    const checkOne = (list: string[]) => {
      const theirs = runSystemdAnalyze(["timespan", "--", ...list], "UTC");
      const ours = analyzeTimespan(list, { mu: "μ", session, zones, now: 0n });
      if (ours.stdout !== theirs.stdout || first(ours.stderr) !== first(theirs.stderr) || (ours.exitCode === 0) !== (theirs.status === 0))
        bad.push(JSON.stringify(list));
      return theirs.status === 0;
    };
    const good: string[] = [];
    for (const s of spans) {
      const r = analyzeTimespan([s], { mu: "μ", session, zones, now: 0n });
      if (r.exitCode === 0) good.push(s);
      else checkOne([s]);
    }
    for (let i = 0; i < good.length; i += 100) checkOne(good.slice(i, i + 100));
    expect(bad.slice(0, 10)).toEqual([]);
  });
});
