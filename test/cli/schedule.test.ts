import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBin, run, tempDir } from "../helpers/cli.js";

beforeAll(() => ensureBin());

const FROM = ["--from", "2026-03-26 00:00", "--tz", "Europe/Berlin"];

function jobFolder(): string {
  const dir = tempDir();
  mkdirSync(join(dir, "etc", "systemd", "system"), { recursive: true });
  mkdirSync(join(dir, "etc", "cron.d"), { recursive: true });
  mkdirSync(join(dir, "jobs"));
  writeFileSync(join(dir, "etc/systemd/system/backup.timer"), "[Timer]\nOnCalendar=*-*-* 02:30\nPersistent=true\n\n[Install]\nWantedBy=timers.target\n");
  writeFileSync(join(dir, "etc/systemd/system/backup.service"), "[Service]\nType=oneshot\nExecStart=/usr/local/bin/backup\n");
  writeFileSync(join(dir, "etc/cron.d/sync"), "0 * * * * root /usr/local/bin/sync\n");
  writeFileSync(join(dir, "jobs/report.json"), '{\n  "name": "report",\n  "type": "command",\n  "schedule": "0 2 * * *",\n  "command": "report"\n}\n');
  return dir;
}

describe("unitlint schedule", () => {
  it("reads timers, cron.d files and job files under the paths and prints the timeline, without colour off a terminal", () => {
    const dir = jobFolder();
    const r = run(["schedule", ".", ...FROM, "--width", "100"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("\u001b[");
    expect(r.stdout).toContain("Schedule Thu 2026-03-26 00:00 CET → Thu 2026-04-02 00:00 CEST (7 days, Europe/Berlin)");
    // 02:30 does not exist on Sunday the 29th: systemd skips it
    expect(r.stdout).toMatch(/^backup\.timer +[│┊ ]+ +6$/m);
    expect(r.stdout).toMatch(/^sync:1 sync +[┃│┊ ]+ +167$/m);
    expect(r.stdout).toMatch(/^report +[│┊ ]+ +7$/m);
    expect(r.stdout).toContain("clocks jump forward: 02:00–03:00 does not exist");
    expect(r.stdout).toContain("backup.timer: its 02:30 start does not exist that day and is skipped");
    for (const line of r.stdout.split("\n").filter((l) => /^(backup|sync|report)/.test(l))) expect([...line].length).toBe(100);
  });

  it("colours with --color, and NO_COLOR wins over a terminal", () => {
    const dir = jobFolder();
    expect(run(["schedule", ".", ...FROM, "--color"], { cwd: dir }).stdout).toContain("\u001b[32m");
    expect(run(["schedule", ".", ...FROM], { cwd: dir, env: { FORCE_COLOR: "1", NO_COLOR: "" } }).stdout).toContain("\u001b[");
    expect(run(["schedule", ".", ...FROM], { cwd: dir, env: { FORCE_COLOR: "1", NO_COLOR: "1" } }).stdout).not.toContain("\u001b[");
  });

  it("defaults to ./etc/systemd when present, as check does", () => {
    const dir = jobFolder();
    const r = run(["schedule", ...FROM, "-f", "json"], { cwd: dir });
    expect(JSON.parse(r.stdout).jobs.map((j: { id: string }) => j.id)).toEqual(["backup.timer"]);
  });

  it("--format json lists every elapse with its job, file and line; --days and --output", () => {
    const dir = jobFolder();
    writeFileSync(join(dir, "etc/systemd/system/orphan.timer"), "[Timer]\nOnCalendar=weekly\n\n[Install]\nWantedBy=timers.target\n");
    const out = join(dir, "week.json");
    const r = run(["schedule", ".", ...FROM, "--days", "2", "-f", "json", "-o", out], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    const json = JSON.parse(readFileSync(out, "utf8"));
    expect(json.window).toEqual({ from: "2026-03-26T00:00:00+01:00", to: "2026-03-28T00:00:00+01:00", days: 2, zone: "Europe/Berlin" });
    expect(json.elapses.filter((e: { job: string }) => e.job === "backup.timer")).toEqual([
      { job: "backup.timer", file: "etc/systemd/system/backup.timer", line: 2, spec: "*-*-* 02:30", at: "2026-03-26T02:30:00+01:00", usec: 1774488600000000 },
      { job: "backup.timer", file: "etc/systemd/system/backup.timer", line: 2, spec: "*-*-* 02:30", at: "2026-03-27T02:30:00+01:00", usec: 1774575000000000 },
    ]);
    expect(json.elapses.find((e: { job: string }) => e.job === "jobs/report.json#report")).toMatchObject({ file: "jobs/report.json", line: 4 });
    expect(json.jobs.find((j: { id: string }) => j.id === "backup.timer")).toMatchObject({ runs: "backup.service", persistent: true });
    // backup.service is beside it (read by name only); orphan.timer's service is not
    expect(json.jobs.find((j: { id: string }) => j.id === "backup.timer").runsMissing).toBeUndefined();
    expect(json.jobs.find((j: { id: string }) => j.id === "orphan.timer")).toMatchObject({ runs: "orphan.service", runsMissing: true });
    expect(run(["schedule", ".", ...FROM], { cwd: dir }).stdout).toContain(
      "Timers whose unit is not among the files (it must exist on the host)\n  orphan.timer → orphan.service\n",
    );
  });

  it("--format html and --format ics", () => {
    const dir = jobFolder();
    const html = run(["schedule", ".", ...FROM, "-f", "html"], { cwd: dir });
    expect(html.stdout.startsWith("<!DOCTYPE html>")).toBe(true);
    const ics = run(["schedule", ".", ...FROM, "-f", "ics"], { cwd: dir });
    expect(ics.stdout.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(ics.stdout).toContain("SUMMARY:backup.timer\r\n");
  });

  it("shows the bundled examples", () => {
    const r = run(["schedule", "examples", "--from", "2026-01-05 00:00", "--tz", "UTC"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("4 jobs, 505 starts");
  });

  it("refuses bad options with exit 2", () => {
    for (const args of [
      ["--days", "0"],
      ["--days", "x"],
      ["--tz", "Mars/Olympus"],
      ["--from", "next tuesdayish"],
      ["--width", "10"],
      ["-f", "pdf"],
    ]) {
      const r = run(["schedule", "examples", ...args]);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/unitlint|error/);
    }
  });

  it("reports a missing path on stderr and exits 1", () => {
    const r = run(["schedule", "no/such/folder", ...FROM], { cwd: tempDir() });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("no/such/folder");
  });

  it("reads user crontabs given with --crontab", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "mine"), "*/30 * * * * /bin/poll\n");
    const r = run(["schedule", "--crontab", join(dir, "mine"), ...FROM, "-f", "json"], { cwd: dir });
    const json = JSON.parse(r.stdout);
    expect(json.jobs).toHaveLength(1);
    // 336 half hours, less 02:00 and 02:30 on the day clocks jump forward
    expect(json.jobs[0].starts).toBe(334);
  });
});
