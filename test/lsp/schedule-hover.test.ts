import { describe, expect, it } from "vitest";
import { parseCron } from "../../src/calendar/index.js";
import { parseCrontab } from "../../src/crontab/index.js";
import { parseFile } from "../../src/model/unit-file.js";
import { crontabHoverAt, hoverAt } from "../../src/lsp/hover.js";
import { defaultKnowledge } from "../../src/lsp/knowledge-impl.js";
import { calendarPartHover, describeCronField } from "../../src/lsp/schedule-hover.js";

const now = new Date("2026-11-22T18:00:00Z");

function field(expr: string, i: number) {
  const r = parseCron(expr);
  if (!r.ok || !r.cron.fields) throw new Error("bad cron");
  return describeCronField(Object.values(r.cron.fields)[i]!);
}

describe("cron fields in words", () => {
  it("describes steps, ranges, lists and names", () => {
    expect(field("*/15 * * * *", 0)).toBe("every 15 minutes");
    expect(field("* * * * 1-5", 4)).toBe("Monday to Friday");
    expect(field("* * * * 0,6", 4)).toBe("Sunday and Saturday");
    expect(field("* * * * 7", 4)).toBe("Sunday");
    expect(field("0-30/10 * * * *", 0)).toBe("every 10 minutes from 0 to 30");
    expect(field("* 9-17 * * *", 1)).toBe("every hour from 9 to 17");
    expect(field("* * 1,15 * *", 2)).toBe("day 1 and day 15 of the month");
    expect(field("* * */2 * *", 2)).toBe("every 2 days of the month");
    expect(field("* * * jan-mar,dec *", 3)).toBe("January to March and December");
  });
});

describe("crontab hover", () => {
  const text = "CRON_TZ=Europe/Berlin\n*/15 9-17 * * 1-5 root /bin/report\n0 0 1,15 * 5 root /bin/z\n@daily root /bin/y\n";
  const file = parseCrontab(text, "etc/cron.d/jobs", "system");

  it("names the field under the cursor, its meaning, the OnCalendar= equivalent and the next 5 runs in CRON_TZ", () => {
    const at = text.indexOf("1-5");
    const h = crontabHoverAt(file, at + 1, { now })!;
    expect(text.slice(h.range.start, h.range.end)).toBe("1-5");
    expect(h.markdown).toContain("**day of week** (cron field 5 of 5) `1-5`: Monday to Friday");
    expect(h.markdown).toContain("OnCalendar=Mon..Fri *-*-* 09..17:00/15:00");
    expect(h.markdown).toContain("Next 5 runs (Europe/Berlin):");
    expect(h.markdown.match(/^- 2026-11-23T09:(00|15|30|45):00\+01:00$/gm)?.length).toBe(4);
    const m = crontabHoverAt(file, text.indexOf("*/15"), { now })!;
    expect(m.markdown).toContain("**minute** (cron field 1 of 5) `*/15`: every 15 minutes");
    expect(m.markdown).toContain("Matches: 0, 15, 30, 45");
  });

  it("explains cron's either-day rule and gives both OnCalendar= lines", () => {
    const h = crontabHoverAt(file, text.indexOf("1,15"), { now })!;
    expect(h.markdown).toContain("**either** the day of month **or** the day of week");
    expect(h.markdown).toContain("OnCalendar=*-*-01,15 00:00:00\nOnCalendar=Fri *-*-* 00:00:00");
  });

  it("explains a shorthand; the command has a hover of its own", () => {
    const h = crontabHoverAt(file, text.indexOf("@daily") + 2, { now })!;
    expect(h.markdown).toContain("`@daily`: once a day, at midnight");
    expect(h.markdown).toContain("OnCalendar=*-*-* 00:00:00");
    expect(crontabHoverAt(file, text.indexOf("/bin/report"), { now })?.markdown).toMatch(/^Runs `\/bin\/sh -c /);
    expect(crontabHoverAt(file, 3, { now })?.markdown).toContain("**CRON_TZ=Europe/Berlin**");
  });
});

describe("OnCalendar= hover", () => {
  const knowledge = defaultKnowledge();
  const hover = (value: string, part: string, nth = 0) => {
    const text = `[Timer]\nOnCalendar=${value}\n`;
    const start = text.indexOf("=") + 1;
    let at = value.indexOf(part);
    for (let i = 0; i < nth; i++) at = value.indexOf(part, at + 1);
    const h = hoverAt(parseFile("t.timer", text), start + at, knowledge, { now, tz: "UTC" })!;
    return { ...h, text: text.slice(h.range.start, h.range.end) };
  };

  it("explains a cron expression pasted into OnCalendar= field by field", () => {
    const h = hover("*/15 * * * 1-5", "1-5");
    expect(h.text).toBe("1-5");
    expect(h.markdown).toContain("**cron expression**");
    expect(h.markdown).toContain("`1-5`: Monday to Friday");
    expect(h.markdown).toContain("OnCalendar=Mon..Fri *-*-* *:00/15:00");
    expect(h.markdown.match(/^- 2026-11-23T00:(00|15|30|45):00\+00:00$/gm)?.length).toBe(4);
  });

  it("explains the weekday, date, time and zone parts of a spec", () => {
    expect(hover("Mon..Fri *-*-* *:00/15", "Mon")).toMatchObject({ text: "Mon..Fri", markdown: expect.stringContaining("only on Monday to Friday") });
    expect(hover("Mon..Fri *-*-* *:00/15", "00/15").markdown).toContain("**minute** `00/15`: every 15 minutes from 0 to the end of the hour");
    expect(hover("*-02~03", "03").markdown).toContain("2 days before the last day of the month");
    expect(hover("*-*-01,15 08:00 Europe/Berlin", "01,15").markdown).toContain("**day** `01,15`: day 1 and day 15");
    expect(hover("*-*-01,15 08:00 Europe/Berlin", "Europe").markdown).toContain("**time zone** `Europe/Berlin`");
    expect(hover("weekly", "weekly").markdown).toContain("`weekly` is shorthand for `Mon *-*-* 00:00:00`");
    const y = hover("2030-06-* 12:00", "06");
    expect(y.markdown).toContain("**month** `06`: in June");
    expect(y.markdown).toContain("**OnCalendar** normalized: `2030-06-* 12:00:00`");
    expect(y.markdown).toContain("- 2030-06-01T12:00:00+00:00");
  });

  it("describes chains without a cursor", () => {
    expect(calendarPartHover("*-*-* 08,20:00", 7, { now, tz: "UTC" })!.markdown).toContain("**hour** `08,20`: hour 8 and hour 20");
  });
});

describe("job file hover", () => {
  it("explains a cron field of a job's schedule, in a string or an array", async () => {
    const { parseJobsFile } = await import("../../src/jobs/index.js");
    const { jobsHoverAt } = await import("../../src/lsp/hover.js");
    const text = '{\n  "name": "health",\n  "type": "command",\n  "schedule": ["0 */6 * * *", "30 2 * * 1-5"],\n  "command": "uptime"\n}\n';
    const file = parseJobsFile(text, "jobs/health.json");
    const h = jobsHoverAt(file, text.indexOf("*/6") + 1, { now })!;
    expect(text.slice(h.range.start, h.range.end)).toBe("*/6");
    expect(h.markdown).toContain("**hour** (cron field 2 of 5) `*/6`: every 6 hours");
    expect(h.markdown).toContain("OnCalendar=*-*-* 00/6:00:00");
    const d = jobsHoverAt(file, text.indexOf("1-5"), { now })!;
    expect(d.markdown).toContain("`1-5`: Monday to Friday");
    expect(jobsHoverAt(file, text.indexOf("uptime"), { now })).toBeNull();
  });
});
