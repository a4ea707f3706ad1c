import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cronToCalendar, nextCronRuns, nextElapses, parseCron } from "../../src/calendar/index.js";
import { nodeSession } from "../../src/node/time-zone.js";

const { zones } = nodeSession({ TZ: "UTC" });

describe("cron parsing", () => {
  it("reads crontab(5) syntax", () => {
    const r = parseCron("*/15 9-17 1,15 JAN-mar mon-FRI /usr/bin/backup --full");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const f = r.cron.fields!;
    expect(f.minute.values).toEqual([0, 15, 30, 45]);
    expect(f.hour.values).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect(f.month.values).toEqual([1, 2, 3]);
    expect(f.dayOfWeek.values).toEqual([1, 2, 3, 4, 5]);
    expect(r.cron.command).toBe("/usr/bin/backup --full");
  });

  it("0 and 7 are both Sunday", () => {
    const a = parseCron("0 0 * * 0");
    const b = parseCron("0 0 * * 7");
    expect(a.ok && b.ok && a.cron.fields!.dayOfWeek.values).toEqual([0]);
    expect(b.ok && b.cron.fields!.dayOfWeek.values).toEqual([0]);
  });

  it("rejects what cron rejects, saying where", () => {
    const cases: [string, string][] = [
      ["60 * * * *", "60"],
      ["* * * * 8", "8"],
      ["5/10 * * * *", "5/10"],
      ["* * * foo *", "foo"],
      ["*/0 * * * *", "*/0"],
      ["0 0 L * *", "L"],
      ["5-1 * * * *", "5-1"],
      ["@every 5m", "@every"],
    ];
    for (const [expr, bad] of cases) {
      const r = parseCron(expr);
      expect(r.ok, expr).toBe(false);
      if (!r.ok) expect(expr.slice(r.error.range.start, r.error.range.end), expr).toBe(bad);
    }
    const four = parseCron("* * * *");
    expect(four.ok).toBe(false);
  });

  it("@reboot has no calendar meaning", () => {
    const r = cronToCalendar("@reboot");
    expect(r.ok).toBe(false);
    expect(r.notes[0]).toContain("OnBootSec=");
  });
});

describe("cron runs", () => {
  it("either day field matches when both are restricted", () => {
    const runs = nextCronRuns("0 12 13 * 5", { tz: "UTC", base: new Date("2026-02-01T00:00:00Z"), count: 4, zones }).elapses.map((e) => e.iso.slice(0, 10));
    expect(runs).toEqual(["2026-02-06", "2026-02-13", "2026-02-20", "2026-02-27"]);
    const and = nextCronRuns("0 12 */2 * 5", { tz: "UTC", base: new Date("2026-02-01T00:00:00Z"), count: 2, zones }).elapses.map((e) => e.iso.slice(0, 10));
    expect(and).toEqual(["2026-02-13", "2026-02-27"]);
  });

  it("a time skipped by DST runs at the jump; a repeated one runs once", () => {
    const gap = nextCronRuns("30 2 * * *", { tz: "Europe/Berlin", base: new Date("2026-03-28T12:00:00Z"), count: 2, zones }).elapses.map((e) => e.iso);
    expect(gap).toEqual(["2026-03-29T03:00:00+02:00", "2026-03-30T02:30:00+02:00"]);
    const overlap = nextCronRuns("30 2 * * *", { tz: "Europe/Berlin", base: new Date("2026-10-24T12:00:00Z"), count: 2, zones }).elapses.map((e) => e.iso);
    expect(overlap).toEqual(["2026-10-25T02:30:00+02:00", "2026-10-26T02:30:00+01:00"]);
  });
});

/** A generator of standard cron expressions. */
const item = (lo: number, hi: number) =>
  fc.oneof(
    fc.integer({ min: lo, max: hi }).map(String),
    fc.tuple(fc.integer({ min: lo, max: hi }), fc.integer({ min: lo, max: hi })).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`),
    fc
      .tuple(fc.integer({ min: lo, max: hi }), fc.integer({ min: lo, max: hi }), fc.integer({ min: 1, max: hi - lo + 1 }))
      .map(([a, b, s]) => `${Math.min(a, b)}-${Math.max(a, b)}/${s}`),
    fc.integer({ min: 1, max: hi }).map((s) => `*/${s}`),
  );
const field = (lo: number, hi: number) =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constant("*") },
    { weight: 3, arbitrary: fc.array(item(lo, hi), { minLength: 1, maxLength: 3 }).map((a) => a.join(",")) },
  );
const cronExpr = fc.tuple(field(0, 59), field(0, 23), field(1, 31), field(1, 12), field(0, 7)).map((f) => f.join(" "));

describe("cron → OnCalendar conversion is exact", () => {
  it("1,000 generated cron lines: the converted specs fire at the same instants (UTC and Asia/Kathmandu, 12 runs)", () => {
    fc.assert(
      fc.property(cronExpr, fc.constantFrom("UTC", "Asia/Kathmandu"), fc.integer({ min: 1_600_000_000, max: 2_000_000_000 }), (expr, tz, base) => {
        const conv = cronToCalendar(expr);
        expect(conv.ok, expr).toBe(true);
        const cron = nextCronRuns(expr, { tz, base: base * 1e6, count: 12, zones }).elapses.map((e) => e.usec);
        // the union of the lines' elapses, merged
        const merged = new Set<number>();
        for (const line of conv.lines) {
          const r = nextElapses(line, { tz, base: base * 1e6, count: 12, zones });
          expect(r.ok, `${expr} → ${line}`).toBe(true);
          for (const e of r.elapses) merged.add(e.usec);
        }
        const cal = [...merged].sort((a, b) => a - b).slice(0, 12);
        expect(cal, `${expr} → ${conv.lines.join(" + ")}`).toEqual(cron);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("cron to calendar: the DST note", () => {
  const dstNote = (expr: string) => cronToCalendar(expr).notes.some((n) => n.includes("DST"));
  it("only where every run of the day falls in the hours DST changes touch", () => {
    expect(dstNote("30 2 * * *")).toBe(true);
    expect(dstNote("0,30 1 * * 0")).toBe(true);
    expect(dstNote("*/15 * * * *")).toBe(false);
    expect(dstNote("17 * * * *")).toBe(false);
    expect(dstNote("0 1,13 * * *")).toBe(false);
    expect(dstNote("0 5 * * *")).toBe(false);
  });
});

describe("cron shorthands", () => {
  it("are lower case only, as cron's strcmp() reads them", () => {
    expect(parseCron("@daily /bin/true").ok).toBe(true);
    const r = parseCron("@DAILY /bin/true");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe("cron shorthands are lower case: cron rejects '@DAILY'; write '@daily'");
    expect(parseCron("@Hourly").ok).toBe(false);
  });
});
