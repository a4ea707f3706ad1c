import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { nextCronRuns, nextElapses } from "../../src/calendar/index.js";
import { parseCrontab } from "../../src/crontab/index.js";
import { parseJobsFile } from "../../src/jobs/index.js";
import { lintSources } from "../../src/linter/lint.js";
import { migrateCrontab, migrateJobs, type GeneratedFile } from "../../src/migrate/index.js";
import { parseUnitFile } from "../../src/parser/unit/index.js";
import { runMigrateCrontab, runMigrateJobs } from "../../src/cli/commands/migrate.js";

const GOLDEN = join(import.meta.dirname, "golden");
const tmp: string[] = [];
afterAll(() => tmp.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "unitlint-migrate-"));
  tmp.push(d);
  return d;
};

const render = (files: GeneratedFile[]) => files.map((f) => `==> ${f.name} <==\n${f.text}`).join("\n");
const calendarsOf = (timer: string) =>
  parseUnitFile(timer, "x.timer").ast.lines.flatMap((l) => (l.kind === "entry" && l.key === "OnCalendar" ? [l.value] : []));

describe("migrate crontab: golden output", () => {
  it("a real team's crontab and cron's quirks", async () => {
    const text = readFileSync(join(GOLDEN, "seed-001.crontab"), "utf8");
    const r = migrateCrontab(parseCrontab(text, "etc/crontab", "system"), { mode: "system", prefix: "cron", timeout: "infinity" });
    await expect(render(r.files)).toMatchFileSnapshot(join(GOLDEN, "seed-001.out"));
    expect(r.notes).toEqual([]);
  });
  it("user mode: no User=, OnStartupSec= for @reboot, working folder left to systemd", () => {
    const r = migrateCrontab(parseCrontab("@reboot /usr/bin/true\n*/5 * * * * /usr/bin/true\n", "mine", "user"), {
      mode: "user",
      prefix: "me",
      timeout: "5min",
    });
    const all = render(r.files);
    expect(all).not.toMatch(/User=|WorkingDirectory=/);
    expect(all).toContain("OnStartupSec=0");
    expect(r.files.map((f) => f.name)).toEqual(["me-true.service", "me-true.timer", "me-true-2.service", "me-true-2.timer"]);
  });
  it("lines cron would reject are skipped with a note", () => {
    const r = migrateCrontab(parseCrontab("0 25 * * * root /bin/true\n0 1 * * * root\n", "crontab", "system"), {
      mode: "system",
      prefix: "cron",
      timeout: "infinity",
    });
    expect(r.files).toEqual([]);
    expect(r.notes.map((n) => n.where)).toEqual(["crontab:1", "crontab:2"]);
  });
});

describe("migrate jobs: golden output", () => {
  const job = (o: object) => JSON.stringify(o, null, 2);
  const files = [
    parseJobsFile(
      job({
        name: "backup-data",
        type: "script",
        schedule: "0 2 * * *",
        script: "#!/bin/bash\nset -e\necho 'Creating backup...'\ncp -r ./data /backup/$(date +%Y%m%d)",
        timeout: "30m",
        enabled: true,
        description: "Daily data backup",
      }),
      "jobs/backup-data.json",
    ),
    parseJobsFile(
      job({
        name: "health-check",
        type: "command",
        schedule: ["*/15 * * * *", "0 0 * * 0"],
        command: "curl -f http://localhost:8080/health || exit 1",
        timeout: "30s",
        environment: { PGPASSWORD: "{{database_password}}", LEVEL: "detailed" },
      }),
      "jobs/health-check.json",
    ),
    parseJobsFile(job({ name: "deploy-monitoring", type: "template", schedule: "0 1 * * *", template: "monitoring" }), "jobs/deploy-monitoring.json"),
    parseJobsFile(
      job({ name: "report", type: "script", schedule: "0 7 * * 1", script: "#!/usr/bin/env python3\nprint('hi')", enabled: false }),
      "jobs/report.json",
    ),
  ];
  it("inline scripts, commands, skipped templates, placeholders, disabled jobs", async () => {
    const r = migrateJobs(files, { mode: "system", prefix: "" });
    await expect(render(r.files)).toMatchFileSnapshot(join(GOLDEN, "jobs.out"));
    expect(r.notes.map((n) => `${n.where}: ${n.message}`)).toEqual([
      "jobs/health-check.json: health-check: PGPASSWORD is filled in by the job system ({{database_password}}); provide it with EnvironmentFile= or LoadCredential=",
      "jobs/deploy-monitoring.json: deploy-monitoring: skipped: template jobs deploy OpenTofu templates through the job system; there is nothing for systemd to run",
      "jobs/report.json: report: disabled job: units generated, do not enable the timer",
    ]);
  });
  it("--script-dir writes scripts and references them", () => {
    const r = migrateJobs(files.slice(0, 1), { mode: "system", prefix: "job", scriptDir: "/usr/local/lib/jobs/" });
    expect(r.files.map((f) => f.name)).toEqual(["job-backup-data.sh", "job-backup-data.service", "job-backup-data.timer"]);
    expect(r.files[0]!.executable).toBe(true);
    expect(r.files[1]!.text).toContain("ExecStart=/usr/local/lib/jobs/job-backup-data.sh\n");
  });
});

// Random cron schedules: every field a '*', a value, a range, a step or a list.
const field = (lo: number, hi: number) =>
  fc.oneof(
    fc.constant("*"),
    fc.integer({ min: lo, max: hi }).map(String),
    fc.tuple(fc.integer({ min: lo, max: hi }), fc.integer({ min: lo, max: hi })).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`),
    fc.integer({ min: 1, max: Math.max(1, hi - lo) }).map((s) => `*/${s}`),
    fc
      .tuple(fc.integer({ min: lo, max: hi }), fc.integer({ min: lo, max: hi }), fc.integer({ min: 1, max: 9 }))
      .map(([a, b, s]) => `${Math.min(a, b)}-${Math.max(a, b)}/${s}`),
    fc.uniqueArray(fc.integer({ min: lo, max: hi }), { minLength: 2, maxLength: 4 }).map((v) => v.join(",")),
  );
const cronExpr = (hours = field(0, 23)) => fc.tuple(field(0, 59), hours, field(1, 31), field(1, 12), field(0, 7)).map((f) => f.join(" "));

function timerRuns(timer: string, base: number, count: number, tz: string): number[] {
  const out = new Set<number>();
  for (const spec of calendarsOf(timer))
    for (const e of nextElapses(spec, { base: base * 1_000_000, count, tz }).elapses) out.add(Math.floor(e.usec / 1_000_000));
  return [...out].sort((a, b) => a - b).slice(0, count);
}

describe("generated timers fire exactly when cron does", () => {
  const check = (expr: string, base: number, tz: string, cronTz?: string) => {
    const crontab = `${cronTz ? `CRON_TZ=${cronTz}\n` : ""}${expr} root /bin/true\n`;
    const r = migrateCrontab(parseCrontab(crontab, "crontab", "system"), { mode: "system", prefix: "cron", timeout: "infinity" });
    const timer = r.files.find((f) => f.name.endsWith(".timer"))!.text;
    // systemd's calendar stops at the end of 2199; a rare schedule (Jan 1 on a Sunday) reaches past it within 40 runs
    const END_2199 = 7_258_118_400;
    const cron = nextCronRuns(expr, { base: base * 1_000_000, count: 40, tz: cronTz ?? tz })
      .elapses.map((e) => Math.floor(e.usec / 1_000_000))
      .filter((s) => s < END_2199);
    expect(timerRuns(timer, base, 40, tz), `${expr} from ${new Date(base * 1000).toISOString()}`).toEqual(cron);
  };
  it("random schedules in UTC, 40 runs each", () => {
    fc.assert(
      fc.property(cronExpr(), fc.integer({ min: 946_684_800, max: 2_000_000_000 }), (expr, base) => check(expr, base, "UTC")),
      { numRuns: Number(process.env["MIGRATE_RUNS"] ?? 150) },
    );
  });
  it("random schedules under CRON_TZ (hours clear of DST changes), host zone elsewhere", () => {
    fc.assert(
      fc.property(cronExpr(fc.integer({ min: 4, max: 23 }).map(String)), fc.integer({ min: 946_684_800, max: 2_000_000_000 }), (expr, base) =>
        check(expr, base, "Asia/Tokyo", "Europe/Berlin"),
      ),
      { numRuns: 60 },
    );
  });
  it("an open minute repetition that overflows past midnight (systemd 252 skips the next 00:00 for 00/13)", () => {
    check("*/13 */23 1 1-1 0,1", 946_684_800, "UTC");
    check("*/13 0,23 * * *", 946_767_600, "UTC");
  });
  it("a schedule whose 40 runs reach past 2199, where systemd's calendar ends (found by the property above)", () => {
    check("0 4 1-1/1 1 */7", 946_684_800, "Asia/Tokyo", "Europe/Berlin");
  });
  it("the seed's schedules and the macros", () => {
    for (const e of ["15 * * * *", "0 8 * * 1", "30 * * * *", "0 * * * *", "@daily", "@weekly", "@monthly", "@yearly", "@hourly", "0 0 31 * 5", "0 0 29 2 *"])
      check(e, 1_700_000_000, "UTC");
  });
});

describe("generated units are clean", () => {
  const text = readFileSync(join(GOLDEN, "seed-001.crontab"), "utf8");
  const crontabUnits = migrateCrontab(parseCrontab(text, "etc/crontab", "system"), { mode: "system", prefix: "cron", timeout: "1h" }).files;
  it("unitlint finds nothing at warning level or above", () => {
    const { findings } = lintSources(crontabUnits.map((f) => ({ path: `out/${f.name}`, text: f.text })));
    expect(findings.filter((f) => f.severity !== "info").map((f) => `${f.file}:${f.line} ${f.rule} ${f.message}`)).toEqual([]);
  });

  // needs the installed systemd-analyze (systemd 252) as the oracle; skipped where it is absent
  const analyze = spawnSync("systemd-analyze", ["--version"], { encoding: "utf8" });
  describe.skipIf(analyze.status !== 0)("systemd-analyze verify", () => {
    it("accepts every generated unit without a word", () => {
      const dir = tempDir();
      // verify checks that programs exist: use ones every host has
      const portable =
        'SHELL=/bin/sh\nFOO=bar baz\n15 * * * * root /bin/true --flag\n0 8 * * mon root cd /tmp && echo "$HOME" > /dev/null\n0 6 1,15 * 5 root /bin/cat%some input%more\n@reboot root /bin/true\nCRON_TZ=America/New_York\n45 9 * * 1-5 root /bin/echo 100\\%\n';
      const units = migrateCrontab(parseCrontab(portable, "crontab", "system"), { mode: "system", prefix: "cron", timeout: "infinity" }).files;
      const job = parseJobsFile(
        JSON.stringify({
          name: "cleanup-temp",
          type: "script",
          schedule: ["0 */6 * * *", "0 0 * * *"],
          script: "#!/bin/bash\necho 'Cleaning up...'\nfind /tmp -type f -name '*.tmp' -mtime +1 -delete\necho \"done: $(date +%F)\"",
          timeout: "10m",
        }),
        "jobs/cleanup-temp.json",
      );
      const jobUnits = migrateJobs([job], { mode: "system", prefix: "" }).files;
      for (const f of [...units, ...jobUnits]) writeFileSync(join(dir, f.name), f.text);
      const names = readdirSync(dir).filter((n) => /\.(service|timer)$/.test(n));
      expect(names.length).toBe(12);
      const r = spawnSync("systemd-analyze", ["verify", "--man=no", ...names], {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, SYSTEMD_LOG_LEVEL: "notice" },
      });
      expect((r.stdout + r.stderr).trim()).toBe("");
      expect(r.status).toBe(0);
    });
  });
});

describe("CLI: unitlint migrate", () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s), isTTY: false, env: {}, readStdin: () => "" }, out, err };
  };
  it("writes the files, refuses to overwrite without --force, dry run prints", () => {
    const dir = tempDir();
    const src = join(dir, "crontab");
    writeFileSync(src, "0 2 * * * root /bin/true\n");
    const out = join(dir, "units");
    const a = io();
    expect(runMigrateCrontab(src, { out, timeout: "infinity" }, a.io)).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["cron-true.service", "cron-true.timer"]);
    expect(() => runMigrateCrontab(src, { out, timeout: "infinity" }, io().io)).toThrow(/not overwriting .*--force/);
    expect(runMigrateCrontab(src, { out, timeout: "infinity", force: true }, io().io)).toBe(0);
    const d = io();
    expect(runMigrateCrontab(src, { out: join(dir, "none"), timeout: "infinity", dryRun: true, prefix: "x" }, d.io)).toBe(0);
    expect(existsSync(join(dir, "none"))).toBe(false);
    expect(d.out.join("")).toContain("x-true.timer");
    expect(() => runMigrateCrontab(src, { out, timeout: "soon" }, io().io)).toThrow(/--timeout/);
  });
  it("user crontabs: --user reads no user field", () => {
    const dir = tempDir();
    const src = join(dir, "mine");
    writeFileSync(src, "0 2 * * * /usr/bin/backup --all\n");
    const d = io();
    runMigrateCrontab(src, { out: dir, timeout: "infinity", dryRun: true, user: true }, d.io);
    expect(d.out.join("")).toContain("ExecStart=/usr/bin/backup --all");
  });
  it("migrate jobs walks folders and takes job-shaped JSON only", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.json"), JSON.stringify({ name: "a", type: "command", schedule: "0 1 * * *", command: "/bin/true" }));
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "pkg", version: "1.0.0" }));
    const d = io();
    expect(runMigrateJobs([dir], { out: join(dir, "out") }, d.io)).toBe(0);
    expect(readdirSync(join(dir, "out")).sort()).toEqual(["a.service", "a.timer"]);
  });
});
