import { describe, expect, it } from "vitest";
import { applyEdits } from "../../src/core/edits.js";
import { lintSources } from "../../src/linter/lint.js";

// Single files: the set rules about timers and their services are tested in set-rules.test.ts.
const lint = (text: string, path = "a.service", settings = {}) =>
  lintSources([{ path, text }], { settings }).findings.filter((f) => !/^(timers|dependencies|timeouts|exec|kill|hardening|loading)\//.test(f.rule));
const ids = (text: string, path = "a.service", settings = {}) => lint(text, path, settings).map((f) => `${f.line}:${f.column} ${f.rule}`);

describe("directive rules", () => {
  it("directives/unknown-directive: case-only typo gets a safe rename, other typos a suggestion", () => {
    const [f] = lint("[Service]\nRestartsec=5\n");
    expect(f!.rule).toBe("directives/unknown-directive");
    expect(f!.fix).toMatchObject({ safe: true });
    expect(applyEdits("[Service]\nRestartsec=5\n", f!.fix!.edits).text).toBe("[Service]\nRestartSec=5\n");
    const [g] = lint("[Service]\nRestrat=always\n");
    expect(g!.message).toContain("did you mean 'Restart'?");
    expect(g!.fix).toBeUndefined();
    expect(g!.suggestions?.[0]?.safe).toBe(false);
    expect(ids("[Service]\nX-Mine=1\n[X-Own]\nWhatever=1\n")).toEqual([]);
  });

  it("directives/wrong-section: right setting, wrong section or unit type", () => {
    expect(ids("[Unit]\nUser=x\n")).toEqual(["2:1 directives/wrong-section"]);
    expect(lint("[Service]\nOnCalendar=daily\n")[0]!.message).toContain("timer units");
    expect(ids("[Timer]\nOnCalendar=daily\n", "a.timer")).toEqual([]);
  });

  it("directives/deprecated-directive: alias renames are safe fixes, obsolete ones unsafe, moved ones have none", () => {
    const [a] = lint("[Unit]\nBindTo=x.service\n");
    expect(a!.fix).toMatchObject({ safe: true, edits: [{ text: "BindsTo" }] });
    const [b] = lint("[Service]\nMemoryLimit=1G\n");
    expect(b!.fix).toMatchObject({ safe: false, edits: [{ text: "MemoryMax" }] });
    const [c] = lint("[Service]\nStartLimitBurst=3\n");
    expect(c!.fix).toBeUndefined();
    expect(c!.message).toContain("[Unit] StartLimitBurst");
  });

  it("directives/duplicate-directive: only within one file; drop-ins may override", () => {
    expect(ids("[Service]\nUser=a\nUser=b\n")).toEqual(["2:1 directives/duplicate-directive"]);
    const r = lintSources([
      { path: "a.service", text: "[Service]\nExecStart=/usr/bin/a\nUser=a\n" },
      { path: "a.service.d/x.conf", text: "[Service]\nUser=b\n" },
    ]).findings;
    expect(r).toEqual([]);
  });

  it("directives/newer-than-target: settings and enum values newer than the oldest target", () => {
    const text = "[Service]\nProtectProc=invisible\nType=notify-reload\n";
    expect(ids(text, "a.service", { targetSystemd: [245] })).toEqual(["2:1 directives/newer-than-target", "3:6 directives/newer-than-target"]);
    expect(ids(text, "a.service", { targetSystemd: [257] })).toEqual([]);
    expect(ids(text)).toEqual([]);
  });

  it("values/invalid-value underlines the bad part", () => {
    const [f] = lint("[Service]\nRestart=sometimes\n");
    expect([f!.rule, f!.line, f!.column, f!.endColumn]).toEqual(["values/invalid-value", 2, 9, 18]);
    expect(
      ids(
        "[Service]\nNice=-20\nUMask=0022\nKillSignal=SIGRTMIN+2\nMemoryMax=50%\nTimeoutStopSec=infinity\nPrivateTmp=yes\nCPUWeight=idle\nEnvironmentFile=%h/x\n",
      ),
    ).toEqual([]);
    expect(ids("[Timer]\nOnCalendar=Mon *-*-* 25:00\n", "a.timer")).toEqual(["2:22 values/invalid-value"]);
  });

  it("values/deprecated-value: syslog output maps to the journal (safe fix)", () => {
    const [f] = lint("[Service]\nStandardOutput=syslog\n");
    expect(f!.rule).toBe("values/deprecated-value");
    expect(applyEdits("[Service]\nStandardOutput=syslog\n", f!.fix!.edits).text).toBe("[Service]\nStandardOutput=journal\n");
  });
});

describe("calendar/schedule-warning", () => {
  const now = Date.UTC(2026, 0, 1);
  const warn = (spec: string, options = {}) =>
    lintSources([{ path: "t.timer", text: `[Timer]\nOnCalendar=${spec}\n` }], { settings: { now, ruleOptions: options } }).findings.filter(
      (f) => f.rule === "calendar/schedule-warning",
    );
  it("flags never-elapsing, past and DST-affected schedules, at the exact field", () => {
    const [f] = warn("*-04-31 10:00");
    expect(f!.message).toContain("never");
    expect(f!.column).toBe(17); // the day field "31"
    expect(warn("2020-01-01")).toHaveLength(1);
    expect(warn("*-*-* 02:30", { "calendar/schedule-warning": { timezone: "Europe/Berlin" } }).length).toBeGreaterThan(0);
    expect(warn("*-*-* 02:30")).toEqual([]);
    expect(warn("Mon *-*-* 08:00")).toEqual([]);
  });
});

describe("values/invalid-value on OnCalendar=", () => {
  it("offers the converted spec for a cron line as an unsafe fix", () => {
    const text = "[Timer]\nOnCalendar=0 2 * * 1-5\n";
    const [f] = lintSources([{ path: "t.timer", text }]).findings.filter((x) => x.rule === "values/invalid-value");
    expect(f!.rule).toBe("values/invalid-value");
    expect(f!.fix).toMatchObject({ safe: false });
    expect(applyEdits(text, f!.fix!.edits).text).toBe("[Timer]\nOnCalendar=Mon..Fri *-*-* 02:00:00\n");
  });
});

describe("values: words, names, paths and specifiers", () => {
  it("values/invalid-value checks unit lists, environment assignments, user names and absolute paths", () => {
    const r = lint('[Unit]\nWants=a.service b@x.service c.bogus\n[Service]\nEnvironment="A=1 2" B=\nEnvironment=C\nUser=www-data\nGroup=0\nTTYPath=srv\n');
    expect(r.map((f) => `${f.line}:${f.column}-${f.endColumn} ${f.rule}`)).toEqual([
      "2:29-36 values/invalid-value",
      "5:13-14 values/invalid-value",
      "8:9-12 values/invalid-value",
    ]);
  });

  it("values/unknown-specifier: unknown ones fail the setting (safe fix: double the %), %i outside templates is empty", () => {
    const text = "[Service]\nExecStart=/bin/date +%F\n";
    const [f] = lint(text);
    expect(f!.rule).toBe("values/unknown-specifier");
    expect(applyEdits(text, f!.fix!.edits).text).toBe("[Service]\nExecStart=/bin/date +%%F\n");
    expect(lint("[Service]\nExecStart=/bin/w %i\n", "w@.service")).toEqual([]);
    expect(lint("[Service]\nExecStart=/bin/w %i\n")[0]!.severity).toBe("info");
    expect(lint("[Unit]\nDescription=100%% sure %n\n")).toEqual([]);
  });
});

describe("more values", () => {
  it("values/deprecated-value: syslog.target in a dependency list is removed safely", () => {
    const text = "[Unit]\nAfter=syslog.target network.target\n";
    const [f] = lint(text);
    expect([f!.rule, f!.column]).toEqual(["values/deprecated-value", 7]);
    expect(applyEdits(text, f!.fix!.edits).text).toBe("[Unit]\nAfter=network.target\n");
    const t2 = "[Unit]\nAfter=network.target syslog.target\n";
    expect(applyEdits(t2, lint(t2)[0]!.fix!.edits).text).toBe("[Unit]\nAfter=network.target\n");
  });

  it("values/invalid-value: exit-status lists", () => {
    expect(ids("[Service]\nSuccessExitStatus=0 143 SIGTERM TEMPFAIL\n")).toEqual([]);
    expect(ids("[Service]\nSuccessExitStatus=0 300 SIGFOO\n")).toEqual(["2:21 values/invalid-value"]);
  });
});
