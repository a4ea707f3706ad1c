import { describe, expect, it } from "vitest";
import { applyEdits } from "../../../src/core/edits.js";
import { lintSources, type LintOptions } from "../../../src/linter/lint.js";

/** Findings of one rule on a system crontab (`crontab`), as "line:col-endLine:endCol". */
function run(rule: string, text: string, opts: LintOptions & { path?: string; kind?: "crontab" | "system-crontab" } = {}) {
  // etc/crontab: always the system format (a file named crontab elsewhere is judged by its jobs)
  const src = { path: opts.path ?? "etc/crontab", text, ...(opts.kind ? { kind: opts.kind } : {}) };
  const r = lintSources([src], opts);
  return r.findings.filter((f) => f.rule === rule);
}
const at = (fs: { line: number; column: number; endLine: number; endColumn: number }[]) => fs.map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn}`);

describe("crontab/invalid-schedule", () => {
  it("underlines the bad field", () => {
    const f = run("crontab/invalid-schedule", "# jobs\n0 25 * * * root /bin/true\n");
    expect(at(f)).toEqual(["2:3-2:5"]);
    expect(f[0]!.message).toContain("hour 25 is outside 0-23");
    expect(f[0]!.message).toContain("'0 25 * * *'");
  });
  it("unknown macros, bad names, too few fields", () => {
    expect(at(run("crontab/invalid-schedule", "@fortnightly root /bin/true\n"))).toEqual(["1:1-1:13"]);
    expect(at(run("crontab/invalid-schedule", "0 0 * foo * root /bin/true\n"))).toEqual(["1:7-1:10"]);
    expect(run("crontab/invalid-schedule", "0 0 *\n")).toHaveLength(1);
  });
  it("accepts names, steps, ranges, macros, 7 as Sunday and cronie's '-' prefix", () => {
    const ok = "0 9 * jan-mar mon-fri root /bin/true\n*/15 0-23/2 1,15 * 7 root /bin/true\n@reboot root /bin/true\n-30 4 * * * root /bin/true\n";
    expect(run("crontab/invalid-schedule", ok)).toEqual([]);
  });
});

describe("crontab/schedule-never-fires", () => {
  it("flags February 30th and 31st, November 31st", () => {
    const f = run("crontab/schedule-never-fires", "0 0 31 2 * root /bin/true\n0 0 30,31 2 * root /bin/true\n0 0 31 11 * root /bin/true\n");
    expect(at(f)).toEqual(["1:5-1:7", "2:5-2:10", "3:5-3:7"]);
  });
  it("near misses: Feb 29th (leap years), 31 with a weekday (cron ORs the day fields), 31 in a list with 30", () => {
    expect(run("crontab/schedule-never-fires", "0 0 29 2 * root /bin/true\n0 0 31 2 1 root /bin/true\n0 0 30,31 1-2 * root /bin/true\n")).toEqual([]);
  });
});

describe("crontab/percent-in-command", () => {
  it("points at the first unescaped %, fix escapes them all", () => {
    const text = "0 2 * * * root tar czf /b/$(date +%Y%m%d).tgz /etc\n";
    const f = run("crontab/percent-in-command", text);
    expect(at(f)).toEqual(["1:35-1:36"]);
    expect(f[0]!.message).toContain("runs only 'tar czf /b/$(date +'");
    expect(f[0]!.fix?.safe).toBe(false);
    const fixed = applyEdits(text, f[0]!.fix!.edits).text;
    expect(fixed).toBe("0 2 * * * root tar czf /b/$(date +\\%Y\\%m\\%d).tgz /etc\n");
    expect(run("crontab/percent-in-command", fixed)).toEqual([]);
  });
  it("escaped percents and percents in comments are fine", () => {
    expect(run("crontab/percent-in-command", "# date +%F\n0 2 * * * root date +\\%F\n")).toEqual([]);
  });
});

describe("crontab/missing-final-newline", () => {
  it("flags an unterminated last job; the fix adds the newline", () => {
    const text = "SHELL=/bin/sh\n15 * * * * root /bin/true";
    const f = run("crontab/missing-final-newline", text);
    expect(at(f)).toEqual(["2:1-2:26"]);
    expect(applyEdits(text, f[0]!.fix!.edits).text).toBe(text + "\n");
  });
  it("a final comment without newline or an empty file is fine", () => {
    expect(run("crontab/missing-final-newline", "15 * * * * root /bin/true\n# end")).toEqual([]);
    expect(run("crontab/missing-final-newline", "")).toEqual([]);
  });
});

describe("crontab/missing-command", () => {
  it("system format: schedule and a lone command word", () => {
    const f = run("crontab/missing-command", "0 2 * * * /usr/local/bin/backup\n");
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain("no user and command");
  });
  it("user format: a schedule alone", () => {
    expect(run("crontab/missing-command", "0 2 * * *\n", { path: "mine", kind: "crontab" })).toHaveLength(1);
    expect(run("crontab/missing-command", "0 2 * * * /usr/local/bin/backup\n", { path: "mine", kind: "crontab" })).toEqual([]);
  });
});

describe("crontab/unknown-user", () => {
  it("a path in the user field", () => {
    expect(at(run("crontab/unknown-user", "30 * * * * /usr/bin/notify --all\n"))).toEqual(["1:12-1:27"]);
  });
  it("checks against configured users", () => {
    const opts = { settings: { ruleOptions: { "crontab/unknown-user": { users: ["root", "backup"] } } } };
    expect(at(run("crontab/unknown-user", "30 * * * * postgres /bin/true\n30 * * * * backup /bin/true\n", opts))).toEqual(["1:12-1:20"]);
  });
  it("user crontabs have no user field; cron.d files do", () => {
    expect(run("crontab/unknown-user", "30 * * * * /usr/bin/notify\n", { path: "mine", kind: "crontab" })).toEqual([]);
    expect(run("crontab/unknown-user", "30 * * * * /usr/bin/notify x\n", { path: "etc/cron.d/notify" })).toHaveLength(1);
  });
});

describe("crontab/simultaneous-jobs", () => {
  it("reports the later job with a note at the earlier one", () => {
    const f = run("crontab/simultaneous-jobs", "0 2 * * * root /bin/a\n0 * * * * root /bin/b\n");
    expect(at(f)).toEqual(["2:1-2:10"]);
    expect(f[0]!.message).toContain("line 1");
    expect(f[0]!.message).toContain("02:00");
    expect(f[0]!.related?.[0]?.line).toBe(1);
  });
  it("day fields decide: Mondays vs the 1st meet; weekdays vs weekends do not", () => {
    expect(run("crontab/simultaneous-jobs", "0 3 * * 1 root /bin/a\n0 3 1 * * root /bin/b\n")).toHaveLength(1);
    expect(run("crontab/simultaneous-jobs", "0 3 * * 1-5 root /bin/a\n0 3 * * 0,6 root /bin/b\n")).toEqual([]);
    expect(run("crontab/simultaneous-jobs", "0 3 * * * root /bin/a\n5 3 * * * root /bin/b\n* * * * * root /bin/c\n")).toEqual([]);
    expect(run("crontab/simultaneous-jobs", "@daily root /bin/a\n0 0 * * * root /bin/b\n@reboot root /bin/c\n@reboot root /bin/d\n")).toHaveLength(1);
  });
});

describe("crontab/variable-in-environment", () => {
  it("flags $VAR and ~ in values", () => {
    expect(at(run("crontab/variable-in-environment", 'PATH=$PATH:/opt/bin\nHOME2=~/x\nA = "${B}"\n'))).toEqual(["1:6-1:11", "2:7-2:8", "3:6-3:10"]);
  });
  it("literal values are fine", () => {
    expect(run("crontab/variable-in-environment", "PATH=/usr/bin:/bin\nMAILTO=ops@example.com\nPRICE=5\n")).toEqual([]);
  });
});

describe("crontab/either-day", () => {
  it("both day fields restricted: runs on either, said with the weekdays", () => {
    const f = run("crontab/either-day", "0 3 1,15 * 0 root /bin/true\n");
    expect(at(f)).toEqual(["1:5-1:13"]);
    expect(f[0]!.message).toContain("runs on days 1,15 of the month and also on every Sunday");
    expect(run("crontab/either-day", "0 3 1,15 * * root /bin/true\n0 3 * * 0 root /bin/true\n")).toEqual([]);
  });
  it("case variants of the shorthands are invalid", () => {
    const f = run("crontab/invalid-schedule", "@DAILY root /bin/true\n");
    expect(f[0]!.message).toContain("write '@daily'");
    expect(f[0]!.severity).toBe("error");
  });
});
