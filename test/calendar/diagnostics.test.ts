import { describe, expect, it } from "vitest";
import { lintCalendar, parseCalendar } from "../../src/calendar/index.js";

const NOW = Date.UTC(2026, 0, 1) * 1000;
const at = (s: string, d: { range: { start: number; end: number } }) => s.slice(d.range.start, d.range.end);

describe("calendar diagnostics: the field and the reason", () => {
  it("a day that no selected month has", () => {
    const s = "*-04-31";
    const [d] = lintCalendar(s, { tz: "UTC", now: NOW });
    expect(d).toMatchObject({ code: "day-not-in-month", field: "day", severity: "warning" });
    expect(at(s, d!)).toBe("31");
    expect(d!.message).toContain("day 31 never occurs in April");
  });

  it("a weekday that never falls on the date", () => {
    const s = "Mon 2026-01-01";
    const [d] = lintCalendar(s, { tz: "UTC", now: NOW });
    expect(d).toMatchObject({ code: "weekday-never-matches" });
    expect(at(s, d!)).toBe("Mon");
  });

  it("Feb 29 in a year that has none", () => {
    expect(lintCalendar("2025-02-29", { tz: "UTC", now: NOW })[0]).toMatchObject({ code: "day-not-in-month", field: "year" });
  });

  it("a date fully in the past", () => {
    const s = "2020-06-01 12:00";
    const [d] = lintCalendar(s, { tz: "UTC", now: NOW });
    expect(d).toMatchObject({ code: "date-in-past" });
    expect(at(s, d!)).toBe("2020");
  });

  it("out-of-range values underline the value and say what is allowed", () => {
    const s = "Mon *-*-* 25:00";
    const [d] = lintCalendar(s, { tz: "UTC", now: NOW });
    expect(d).toMatchObject({ code: "value-out-of-range", field: "hour", errno: "EINVAL" });
    expect(at(s, d!)).toBe("25");
    expect(d!.message).toBe("hour 25 is outside 0..23");
  });

  it("a backwards weekday range", () => {
    const s = "Fri..Mon";
    const r = parseCalendar(s, { tz: "UTC" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("backwards-weekday-range");
      expect(at(s, r.error)).toBe("Fri..Mon");
    }
  });

  it("a syntax error points at the offending character", () => {
    const s = "*:*/5";
    const r = parseCalendar(s, { tz: "UTC" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(at(s, r.error)).toBe("/");
  });

  it("a cron line pasted into OnCalendar= comes with the converted spec", () => {
    const [d] = lintCalendar("0 2 * * 1-5", { tz: "UTC", now: NOW });
    expect(d).toMatchObject({ code: "cron-expression", suggestion: "Mon..Fri *-*-* 02:00:00" });
    const [e] = lintCalendar("0 0 1,15 * 5", { tz: "UTC", now: NOW });
    expect(e!.suggestion).toBe("*-*-01,15 00:00:00\nFri *-*-* 00:00:00");
  });

  it("an unknown zone name", () => {
    const s = "*-*-* 10:00 Europe/Berln";
    const [d] = lintCalendar(s, { tz: "UTC", now: NOW });
    expect(d).toMatchObject({ code: "unknown-zone", field: "zone" });
    expect(at(s, d!)).toBe("Europe/Berln");
  });

  it("local times that a DST change skips or repeats", () => {
    const gap = lintCalendar("*-*-* 02:30", { tz: "Europe/Berlin", now: NOW });
    expect(gap.map((d) => d.code)).toEqual(["dst-gap", "dst-overlap"]);
    expect(gap[0]!.message).toContain("2026-03-29 02:30 does not exist in Europe/Berlin");
    const own = lintCalendar("*-*-* 02:15 Australia/Lord_Howe", { tz: "UTC", now: NOW });
    expect(own.map((d) => d.code)).toEqual(["dst-gap"]);
    expect(lintCalendar("*-*-* 02:30 UTC", { tz: "Europe/Berlin", now: NOW })).toEqual([]);
    expect(lintCalendar("*-*-* 12:00", { tz: "Europe/Berlin", now: NOW })).toEqual([]);
  });

  it("clean specs have nothing to say", () => {
    for (const s of ["daily", "Mon..Fri *-*-* 09:00", "*-*~01 23:00 UTC", "weekly Asia/Kathmandu"])
      expect(lintCalendar(s, { tz: "UTC", now: NOW }), s).toEqual([]);
  });
});

describe("calendar diagnostics: a shorthand with more after it, a 12-hour clock", () => {
  const error = (s: string) => lintCalendar(s, { tz: "UTC", now: NOW }).find((d) => d.severity === "error")!;

  it("blames what follows the shorthand and writes the spec that was meant", () => {
    const s = "daily 3am";
    const d = error(s);
    expect(at(s, d)).toBe("3am");
    expect(d.message).toContain("'daily' is a whole spec on its own");
    expect(d.suggestion).toBe("*-*-* 03:00:00");
    expect(error("weekly 18:30").suggestion).toBe("Mon *-*-* 18:30:00");
    expect(error("monthly 7:05pm").suggestion).toBe("*-*-01 19:05:00");
    expect(error("daily 12am").suggestion).toBe("*-*-* 00:00:00");
    // no time: no suggestion, the rest is still blamed
    const h = error("hourly 5");
    expect(at("hourly 5", h)).toBe("5");
    expect(h.suggestion).toBeUndefined();
  });

  it("a 12-hour time alone says systemd reads 24-hour times", () => {
    const d = error("3pm");
    expect(d.message).toContain("24-hour");
    expect(d.suggestion).toBe("*-*-* 15:00:00");
    expect(parseCalendar("*-*-* 15:00:00").ok).toBe(true);
  });
});
