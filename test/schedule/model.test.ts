import { describe, expect, it } from "vitest";
import { parseCrontab } from "../../src/crontab/index.js";
import { parseJobsFile } from "../../src/jobs/index.js";
import { parseFile } from "../../src/model/unit-file.js";
import { buildUnitSet } from "../../src/model/unit-set.js";
import { ansi } from "../../src/format/colors.js";
import { buildSchedule, renderJson, renderTerminal, scheduleJson, type ScheduleModel } from "../../src/schedule/index.js";
import type { ScheduleFile } from "../../src/model/schedule-file.js";

const INSTALL = "\n[Install]\nWantedBy=timers.target\n";
const timer = (name: string, body: string, install = true) => parseFile(`units/${name}`, `[Timer]\n${body}\n${install ? INSTALL : ""}`);
const at = (iso: string) => Date.parse(iso) * 1000;

function build(
  units: ReturnType<typeof parseFile>[],
  opts: { from: string; tz?: string; days?: number; schedule?: ScheduleFile[]; enabled?: string[] },
): ScheduleModel {
  const inputs: Parameters<typeof buildSchedule>[0] = { units: buildUnitSet(units), scheduleFiles: opts.schedule ?? [] };
  if (opts.enabled) inputs.enabled = opts.enabled;
  return buildSchedule(inputs, { from: at(opts.from), tz: opts.tz ?? "UTC", days: opts.days ?? 7 });
}

const job = (m: ScheduleModel, id: string) => m.jobs.find((j) => j.id === id)!;
const startsOf = (m: ScheduleModel, id: string) => m.elapses.filter((e) => m.jobs[e.job]!.id === id).map((e) => new Date(e.usec / 1000).toISOString());

describe("schedule model", () => {
  it("reads timers, crontab lines and JSON jobs, each elapse with its spec's file and line", () => {
    const cron = parseCrontab("MAILTO=ops\n30 2 * * * root /usr/local/bin/backup --all\n@reboot root /bin/warm\n", "etc/crontab", "system");
    const jobs = parseJobsFile('{\n  "name": "sync",\n  "type": "command",\n  "schedule": ["0 */12 * * *"],\n  "command": "sync.sh"\n}\n', "jobs/sync.json");
    const svc = parseFile("units/backup.service", "[Service]\nExecStart=/bin/true\n");
    const m = build([timer("backup.timer", "OnCalendar=Mon 08:00\nPersistent=yes"), svc], { from: "2026-01-01T00:00:00Z", schedule: [cron, jobs] });
    expect(m.jobs.map((j) => [j.id, j.kind])).toEqual([
      ["backup.timer", "timer"],
      ["etc/crontab:2", "crontab"],
      ["etc/crontab:3", "crontab"],
      ["jobs/sync.json#sync", "job"],
    ]);
    expect(job(m, "backup.timer")).toMatchObject({ runs: "backup.service", persistent: true, accuracyUsec: 60_000_000 });
    expect(job(m, "backup.timer").runsMissing).toBeUndefined();
    expect(startsOf(m, "backup.timer")).toEqual(["2026-01-05T08:00:00.000Z"]);
    expect(startsOf(m, "etc/crontab:2")).toHaveLength(7);
    expect(startsOf(m, "jobs/sync.json#sync")).toHaveLength(14);
    // @reboot is relative: shown as such, never placed on the timeline
    expect(job(m, "etc/crontab:3")).toMatchObject({ silent: "relative-only" });
    const json = scheduleJson(m);
    expect(json.elapses.find((e) => e.job === "backup.timer")).toEqual({
      job: "backup.timer",
      file: "units/backup.timer",
      line: 2,
      spec: "Mon 08:00",
      at: "2026-01-05T08:00:00+00:00",
      usec: at("2026-01-05T08:00:00Z"),
    });
    expect(json.elapses.find((e) => e.job === "jobs/sync.json#sync")).toMatchObject({ file: "jobs/sync.json", line: 4, spec: "0 */12 * * *" });
    expect(json.elapses.find((e) => e.job === "etc/crontab:2")).toMatchObject({ file: "etc/crontab", line: 2, at: "2026-01-01T02:30:00+00:00" });
  });

  it("says why a job never fires in the window", () => {
    const jobs = parseJobsFile('[{"name": "off", "type": "command", "schedule": "0 * * * *", "command": "x", "enabled": false}]', "jobs.json");
    const m = build(
      [
        timer("past.timer", "OnCalendar=2020-01-01 00:00"),
        timer("feb30.timer", "OnCalendar=*-02-30 00:00"),
        timer("yearly.timer", "OnCalendar=yearly"),
        timer("static.timer", "OnCalendar=hourly", false),
        timer("linked.timer", "OnCalendar=hourly", false),
        timer("tmpl@.timer", "OnCalendar=daily"),
        timer("bad.timer", "OnCalendar=Mon..Fry 08:00"),
        timer("boot.timer", "OnBootSec=15min\nOnUnitActiveSec=1h"),
      ],
      { from: "2026-03-02T00:00:00Z", schedule: [jobs], enabled: ["linked.timer"] },
    );
    const silent = Object.fromEntries(m.jobs.map((j) => [j.id, j.silent ?? "fires"]));
    expect(silent).toEqual({
      "past.timer": "past",
      "feb30.timer": "never-elapses",
      "yearly.timer": "after-window",
      "static.timer": "not-installable",
      "linked.timer": "fires",
      "tmpl@.timer": "template",
      "bad.timer": "invalid",
      "boot.timer": "relative-only",
      "jobs.json#off": "disabled",
    });
    expect(job(m, "yearly.timer").next).toBe(at("2027-01-01T00:00:00Z"));
    expect(job(m, "past.timer").last).toBe(at("2020-01-01T00:00:00Z"));
    expect(job(m, "static.timer").wouldStart).toBe(168);
    expect(job(m, "jobs.json#off").wouldStart).toBe(168);
    expect(job(m, "boot.timer").relative.map((r) => r.meaning)).toEqual(["15min after boot", "every 1h after the unit last started"]);
    const text = renderTerminal(m);
    expect(text).toContain("past.timer (units/past.timer:2): in the past");
    expect(text).toContain("yearly.timer (units/yearly.timer:2): after the window: the next start is after the window; next: Fri 2027-01-01 00:00:00 UTC");
    expect(text).toContain("(relative) 15min after boot; every 1h after the unit last started");
  });

  it("marks the RandomizedDelaySec= window of each elapse and leaves such timers out of collisions", () => {
    const m = build([timer("a.timer", "OnCalendar=daily\nRandomizedDelaySec=2h\nFixedRandomDelay=yes"), timer("b.timer", "OnCalendar=daily")], {
      from: "2026-01-01T00:00:00Z",
      days: 2,
    });
    const a = m.elapses.filter((e) => m.jobs[e.job]!.id === "a.timer");
    expect(a.map((e) => [e.usec, e.latestUsec])).toEqual([
      [at("2026-01-02T00:00:00Z"), at("2026-01-02T02:00:00Z")],
      [at("2026-01-03T00:00:00Z"), at("2026-01-03T02:00:00Z")],
    ]);
    expect(job(m, "a.timer").fixedRandomDelay).toBe(true);
    expect(m.collisions).toEqual([]);
    expect(renderTerminal(m, { width: 80 })).toMatch(/a\.timer +│─+/);
  });

  it("groups jobs that start in the same minute or within AccuracySec=, with free minutes to stagger them", () => {
    const cron = parseCrontab("0 * * * * /bin/rotate\n", "crontab", "user");
    const m = build(
      [
        timer("a.timer", "OnCalendar=hourly"),
        timer("b.timer", "OnCalendar=*:00:30"),
        timer("c.timer", "OnCalendar=Mon 08:00"),
        timer("wide.timer", "OnCalendar=*:03\nAccuracySec=5min"),
        timer("d.timer", "OnCalendar=*:05"),
        timer("e.timer", "OnCalendar=*:30"),
        timer("every.timer", "OnCalendar=minutely"),
      ],
      { from: "2026-01-04T00:00:00Z", schedule: [cron] },
    );
    const ids = (js: number[]) => js.map((j) => m.jobs[j]!.id);
    const groups = m.collisions.map((g) => ({ jobs: ids(g.jobs), count: g.at.length, stagger: g.stagger.map((s) => [m.jobs[s.job]!.id, s.minutes]) }));
    // a, b and the crontab line meet every hour; c joins them on Monday 08:00; d starts within wide's 5 minutes; e meets nobody; minutely ones are left out
    // (from, to]: the hourly ones also meet at the window's end, where b (*:00:30) is already outside
    expect(groups).toEqual([
      { jobs: ["wide.timer", "d.timer"], count: 168, stagger: [["d.timer", 5]] },
      {
        jobs: ["a.timer", "b.timer", "crontab:1"],
        count: 166,
        stagger: [
          ["b.timer", 15],
          ["crontab:1", 20],
        ],
      },
      { jobs: ["a.timer", "b.timer", "crontab:1", "c.timer"], count: 1, stagger: [["c.timer", 25]] },
      { jobs: ["a.timer", "crontab:1"], count: 1, stagger: [] },
    ]);
    const text = renderTerminal(m);
    expect(text).toContain("a.timer + b.timer + crontab:1 rotate: 166× — first Sun 2026-01-04 01:00");
    expect(text).toContain("stagger: start b.timer 15 min later, start crontab:1 rotate 20 min later");
  });

  it("lists the first 20 collision groups in the terminal and says how many more there are", () => {
    const units = Array.from({ length: 25 }, (_, i) => [
      timer(`a${i}.timer`, `OnCalendar=*-*-* 03:${String(i).padStart(2, "0")}`),
      timer(`b${i}.timer`, `OnCalendar=*-*-* 03:${String(i).padStart(2, "0")}`),
    ]).flat();
    const m = build(units, { from: "2026-01-05T00:00:00Z", days: 1 });
    expect(m.collisions).toHaveLength(25);
    const text = renderTerminal(m);
    expect(text.match(/^ {2}a\d+\.timer \+ b\d+\.timer: 1×/gm)).toHaveLength(20);
    expect(text).toContain("… 5 more groups (all of them in --format json or html)");
  });

  it("finds DST changes in the window and the jobs they skip or repeat", () => {
    const units = [
      timer("night.timer", "OnCalendar=*-*-* 02:30"),
      timer("h.timer", "OnCalendar=*:15"),
      timer("noon.timer", "OnCalendar=12:00"),
      timer("utc.timer", "OnCalendar=*-*-* 02:30 UTC"),
    ];
    const springCron = parseCrontab("15 * * * * /bin/poll\n30 2 * * * /bin/nightly\n", "crontab", "user");
    const spring = build(units, { from: "2026-03-27T00:00:00Z", tz: "Europe/Berlin", days: 4, schedule: [springCron] });
    expect(spring.dst).toHaveLength(1);
    const d = spring.dst[0]!;
    expect(d).toMatchObject({ usec: at("2026-03-29T01:00:00Z"), kind: "gap", fromAbbr: "CET", toAbbr: "CEST", wallFrom: "02:00", wallTo: "03:00" });
    expect(d.affected.map((a) => [spring.jobs[a.job]!.id, a.effect])).toEqual([
      ["night.timer", "skipped"],
      ["h.timer", "skipped"],
      ["crontab:1", "skipped"],
      ["crontab:2", "moved"],
    ]);
    // cronie runs a fixed-time job of the skipped hour right after the change
    expect(d.affected[3]!.detail).toBe("its 02:30 start does not exist that day; it starts at 03:00 instead");
    // systemd-analyze: Sat 02:30 CET, then Mon 02:30 CEST
    expect(startsOf(spring, "night.timer").slice(1, 3)).toEqual(["2026-03-28T01:30:00.000Z", "2026-03-30T00:30:00.000Z"]);
    // the window is 4 wall-clock days: an hour shorter
    expect(spring.to - spring.from).toBe((4 * 24 - 1) * 3600e6);

    // cronie runs a wildcard-hour job in both passes of the repeated hour; systemd 252 does not (02:15 CEST, then 03:15 CET)
    const cron = parseCrontab("15 * * * * /bin/poll\n30 2 * * * /bin/nightly\n", "crontab", "user");
    const autumn = build(units, { from: "2026-10-23T22:00:00Z", tz: "Europe/Berlin", days: 4, schedule: [cron] });
    expect(autumn.dst.map((x) => [x.kind, x.wallFrom, x.wallTo])).toEqual([["overlap", "02:00", "03:00"]]);
    const effects = Object.fromEntries(autumn.dst[0]!.affected.map((a) => [autumn.jobs[a.job]!.id, [a.effect, a.detail]]));
    expect(effects).toEqual({
      "night.timer": ["once", "starts once at 02:30 (CEST), not twice"],
      "h.timer": ["once", "starts once at 02:15 (CEST), not twice"],
      "crontab:1": ["repeated", "starts twice at 02:15 (CEST, then CET)"],
      "crontab:2": ["once", "starts once at 02:30 (CEST), not twice"],
    });
    const text = renderTerminal(autumn);
    expect(text).toContain("Sun 2026-10-25 03:00 CEST → 02:00 CET: clocks fall back: 02:00–03:00 happens twice");
  });

  it("counts starts per clock hour and names the busiest", () => {
    const m = build([timer("a.timer", "OnCalendar=*:00,30"), timer("b.timer", "OnCalendar=Tue 09:10"), timer("c.timer", "OnCalendar=09:20")], {
      from: "2026-01-05T00:00:00Z",
    });
    // (from, to]: a start exactly at the window's end counts, in the hour it opens
    expect(m.perHour).toHaveLength(169);
    expect(m.busiest).toEqual({ start: at("2026-01-06T09:00:00Z"), starts: 4, jobs: 3 });
    expect(m.perHourOfDay[9]).toBe(7 * 3 + 1);
    expect(renderTerminal(m)).toContain("Tue 2026-01-06 09:00 UTC–10:00: 4 starts (3 jobs)");
    expect(JSON.parse(renderJson(m)).busiestHour).toEqual({ from: "2026-01-06T09:00:00+00:00", starts: 4, jobs: 3 });
  });

  it("draws one row per job scaled to the width, in colour only when asked", () => {
    const m = build([timer("a.timer", "OnCalendar=Mon..Fri 09:00"), timer("b.timer", "OnCalendar=Mon..Fri 09:00")], { from: "2026-01-05T00:00:00Z" });
    const plainText = renderTerminal(m, { width: 90 });
    expect(plainText).not.toContain("\u001b[");
    const rows = plainText.split("\n").filter((l) => /^[ab]\.timer/.test(l));
    expect(rows).toHaveLength(2);
    for (const r of rows) expect([...r].length).toBe(90);
    expect(rows[0]!.match(/│/g)).toHaveLength(5);
    expect(plainText).toContain("Tue 6");
    const coloured = renderTerminal(m, { width: 90, palette: ansi });
    expect(coloured).toContain("\u001b[31m│\u001b[39m");
  });

  it("cuts a spec that fires every second at the limit and says so", () => {
    const m = buildSchedule(
      { units: buildUnitSet([timer("fast.timer", "OnCalendar=*:*:*")]), scheduleFiles: [] },
      { from: at("2026-01-05T00:00:00Z"), tz: "UTC", days: 1, maxPerSpec: 500 },
    );
    expect(m.elapses).toHaveLength(500);
    expect(m.jobs[0]!.truncated).toBe(true);
  });
});
