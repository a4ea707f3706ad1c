import { describe, expect, it } from "vitest";
import { parseCrontab } from "../../src/crontab/index.js";
import { parseFile } from "../../src/model/unit-file.js";
import { buildUnitSet } from "../../src/model/unit-set.js";
import { buildSchedule, foldLine, icsText, renderHtml, renderIcs } from "../../src/schedule/index.js";

const from = Date.parse("2026-03-26T00:00:00Z") * 1000;
const units = [
  parseFile("u/backup.timer", "[Timer]\nOnCalendar=Mon 02:30\nRandomizedDelaySec=30min\n[Install]\nWantedBy=timers.target\n"),
  parseFile("u/a.timer", "[Timer]\nOnCalendar=hourly\n[Install]\nWantedBy=timers.target\n"),
  parseFile("u/b.timer", "[Timer]\nOnCalendar=*:00\n[Install]\nWantedBy=timers.target\n"),
  parseFile("u/<x>.timer", "[Timer]\nOnCalendar=2020-01-01\n[Install]\nWantedBy=timers.target\n"),
  parseFile("u/boot.timer", "[Timer]\nOnBootSec=5min\n[Install]\nWantedBy=timers.target\n"),
  parseFile("u/fast.timer", "[Timer]\nOnCalendar=*:0/5\n[Install]\nWantedBy=timers.target\n"),
];
const cron = parseCrontab('15 3 * * * root /usr/bin/report --to=ops,dev; echo "done"\n', "cron.d/report", "system");
const model = buildSchedule({ units: buildUnitSet(units), scheduleFiles: [cron] }, { from, tz: "Europe/Berlin", days: 7 });

describe("html", () => {
  const html = renderHtml(model);
  it("is one self-contained page: no script, no external assets", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i);
    expect(html).not.toMatch(/(src|href)=/i);
    expect(html.match(/<svg/g)).toHaveLength(2);
  });
  it("shows the timeline rows, collisions, the DST change, silent jobs and the busiest hour, escaped", () => {
    expect(html).toContain(">a.timer</text>");
    expect(html).toContain("relative: 5min after boot");
    expect(html).toContain("a.timer + b.timer");
    expect(html).toContain("clocks jump forward, 02:00–03:00 does not exist");
    expect(html).toContain("&lt;x&gt;.timer");
    expect(html).not.toContain("<x>");
    expect(html).toMatch(/Busiest hour<\/h2>\n<p>\w{3} 2026-0[34]-\d\d \d\d:00 CES?T–\d\d:00: <b>\d+<\/b> starts \(\d+ jobs\)/);
    expect(html).toContain('class="rng"');
    expect(html).toContain('class="hit"');
  });
});

describe("ics", () => {
  const ics = renderIcs(model);
  const lines = ics.split("\r\n");
  it("is an iCalendar file with CRLF lines folded at 75 octets", () => {
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines.at(-2)).toBe("END:VCALENDAR");
    expect(ics.replace(/\r\n/g, "")).not.toContain("\n");
    for (const l of lines) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
    expect(ics.match(/BEGIN:VEVENT/g)!.length).toBe(ics.match(/END:VEVENT/g)!.length);
  });
  it("has an event per start, one per day for a job starting more often than every 30 minutes", () => {
    const summaries = lines.filter((l) => l.startsWith("SUMMARY:"));
    expect(summaries.filter((s) => s === "SUMMARY:a.timer")).toHaveLength(168 - 1);
    expect(summaries.filter((s) => s.startsWith("SUMMARY:fast.timer ×"))).toHaveLength(8);
    expect(summaries.filter((s) => s.startsWith("SUMMARY:backup.timer"))).toHaveLength(1);
    // the backup's event spans its RandomizedDelaySec= window, at the UTC instant of Mon 02:30 CEST
    const i = lines.indexOf("SUMMARY:backup.timer");
    expect(lines.slice(i - 3, i)).toEqual(["DTSTAMP:20260326T000000Z", "DTSTART:20260330T003000Z", "DURATION:PT30M"]);
    expect(new Set(lines.filter((l) => l.startsWith("UID:"))).size).toBe(summaries.length);
  });
  it("escapes text and folds on character boundaries", () => {
    expect(icsText("a,b;c\\d\ne")).toBe("a\\,b\\;c\\\\d\\ne");
    expect(ics.replace(/\r\n /g, "")).toContain('runs: /usr/bin/report --to=ops\\,dev\\; echo "done"');
    const folded = foldLine("DESCRIPTION:" + "ä".repeat(60));
    for (const part of folded.split("\r\n")) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(folded.split("\r\n ").join("")).toBe("DESCRIPTION:" + "ä".repeat(60));
  });
});
