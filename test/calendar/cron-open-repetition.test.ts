import { describe, expect, it } from "vitest";
import { cronToCalendar, nextCronRuns, nextElapses } from "../../src/calendar/index.js";

// systemd 252 mis-steps across the wrap of an open repetition whose step does not divide the
// field (`00,23:00/13` goes from 23:52 to 00:13): the conversion must close such repetitions.
describe("cron → OnCalendar with steps that do not divide the hour", () => {
  it("writes a closed range and fires exactly like cron", () => {
    const c = cronToCalendar("*/13 0,23 * * *");
    expect(c.lines).toEqual(["*-*-* 00,23:00..52/13:00"]);
    const base = new Date("2026-01-01T23:40:00Z");
    const cal = nextElapses(c.lines[0]!, { tz: "UTC", base, count: 8 }).elapses.map((e) => e.iso);
    const cron = nextCronRuns("*/13 0,23 * * *", { tz: "UTC", base, count: 8 }).elapses.map((e) => e.iso);
    expect(cal).toEqual(cron);
    expect(cronToCalendar("*/15 * * * *").lines).toEqual(["*-*-* *:00/15:00"]);
  });
});
