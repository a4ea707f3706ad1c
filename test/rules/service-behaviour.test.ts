import { describe, expect, it } from "vitest";
import { lintSources } from "../../src/linter/lint.js";
import type { LintSettings } from "../../src/rules/types.js";

/** Findings of the service-behaviour rules of issue #5 (part A), as `line:col rule severity`. */
const lint = (files: Record<string, string>, settings: Partial<LintSettings> = {}, rule?: string) =>
  lintSources(
    Object.entries(files).map(([path, text]) => ({ path, text })),
    { settings },
  )
    .findings.filter((f) => (rule ? f.rule === rule : OURS.includes(f.rule)))
    .map((f) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.severity}`);

const OURS = [
  "exec/relative-executable",
  "exec/home-with-protect-home",
  "exec/forking-without-pidfile",
  "dependencies/oneshot-without-remain",
  "timeouts/stop-shorter-than-grace",
  "timeouts/infinite-timeout",
  "exec/reload-not-supported",
];

describe("exec/relative-executable", () => {
  const svc = "[Service]\nExecStart=python3 -m http.server\n";
  it("is a note when systemd looks the name up (no target, or a target from 239 on)", () => {
    expect(lint({ "a.service": svc })).toEqual(["a.service:2:11 exec/relative-executable info"]);
    expect(lint({ "a.service": svc }, { targetSystemd: [239, 252] })).toEqual(["a.service:2:11 exec/relative-executable info"]);
  });
  it("is a warning when an older target refuses it, an error for a relative path with a slash", () => {
    expect(lint({ "a.service": svc }, { targetSystemd: [238, 252] })).toEqual(["a.service:2:11 exec/relative-executable warning"]);
    expect(lint({ "a.service": "[Service]\nExecStart=./run\n" })).toEqual(["a.service:2:11 exec/relative-executable error"]);
  });
  it("leaves systemd's own tools alone unless the target predates the look-up", () => {
    const ctl = { "a.service": "[Service]\nExecStart=systemctl start b.service\n" };
    expect(lint(ctl)).toEqual([]);
    expect(lint(ctl, { targetSystemd: [237] })).toEqual(["a.service:2:11 exec/relative-executable warning"]);
  });
  it("accepts absolute paths after prefixes and specifiers", () => {
    expect(lint({ "a.service": "[Service]\nExecStart=-@/usr/bin/a a\nExecStop=%h/bin/stop\nExecStartPre=+/bin/true\nExecStopPost=!-!/bin/true\n" })).toEqual(
      [],
    );
  });
});

describe("exec/home-with-protect-home", () => {
  it("reports programs and working directories that ProtectHome=yes/tmpfs hides, pointing at the setting", () => {
    const r = lintSources([{ path: "a.service", text: "[Service]\nExecStart=/home/a/run\nWorkingDirectory=-/root/x\nProtectHome=tmpfs\n" }]).findings.filter(
      (f) => f.rule === "exec/home-with-protect-home",
    );
    expect(r.map((f) => `${f.line}:${f.column} ${f.severity}`)).toEqual(["2:11 error", "3:18 warning"]);
    expect(r[0]!.related?.[0]).toMatchObject({ message: "ProtectHome=tmpfs is set here" });
  });
  it("leaves read-only (and DynamicUser=yes), + lines, re-exposed paths and EnvironmentFile= alone", () => {
    expect(lint({ "a.service": "[Service]\nExecStart=/home/a/run\nProtectHome=read-only\n" })).toEqual([]);
    expect(lint({ "a.service": "[Service]\nExecStart=/home/a/run\nDynamicUser=yes\n" })).toEqual([]);
    expect(lint({ "a.service": "[Service]\nExecStart=+/home/a/run\nProtectHome=yes\n" })).toEqual([]);
    expect(lint({ "a.service": "[Service]\nExecStart=/home/a/run\nBindReadOnlyPaths=/home/a\nProtectHome=yes\n" })).toEqual([]);
    expect(lint({ "a.service": "[Service]\nExecStart=/usr/bin/a\nEnvironmentFile=/home/a/env\nProtectHome=yes\n" })).toEqual([]);
  });
});

describe("exec/forking-without-pidfile", () => {
  it("is a note when systemd guesses the main PID, a warning with GuessMainPID=no and Restart=on-failure", () => {
    expect(lint({ "a.service": "[Service]\nType=forking\nExecStart=/usr/sbin/d\n" })).toEqual(["a.service:2:1 exec/forking-without-pidfile info"]);
    expect(lint({ "a.service": "[Service]\nType=forking\nGuessMainPID=no\nExecStart=/usr/sbin/d\n" })).toEqual([
      "a.service:2:1 exec/forking-without-pidfile info",
    ]);
    expect(lint({ "a.service": "[Service]\nType=forking\nGuessMainPID=no\nRestart=on-failure\nExecStart=/usr/sbin/d\n" })).toEqual([
      "a.service:2:1 exec/forking-without-pidfile warning",
    ]);
  });
  it("accepts GuessMainPID=no with RemainAfterExit=yes (no main process on purpose)", () => {
    expect(lint({ "a.service": "[Service]\nType=forking\nGuessMainPID=no\nRemainAfterExit=yes\nExecStart=/etc/rc.local start\n" })).toEqual([]);
  });
  it("accepts PIDFile= (also from a drop-in) and other types", () => {
    expect(lint({ "a.service": "[Service]\nType=forking\nExecStart=/usr/sbin/d\n", "a.service.d/p.conf": "[Service]\nPIDFile=/run/d.pid\n" })).toEqual([]);
    expect(lint({ "a.service": "[Service]\nType=notify\nExecStart=/usr/sbin/d\n" })).toEqual([]);
  });
});

describe("dependencies/oneshot-without-remain", () => {
  const setup = "[Service]\nType=oneshot\nExecStart=/usr/bin/setup\n";
  const findings = (files: Record<string, string>) =>
    lintSources(Object.entries(files).map(([path, text]) => ({ path, text }))).findings.filter((f) => f.rule === "dependencies/oneshot-without-remain");
  it("reports the oneshot's Type= line, the dependent's line as related", () => {
    const [f, ...rest] = findings({
      "app.service": "[Unit]\nRequires=setup.service\nAfter=setup.service\n[Service]\nExecStart=/usr/bin/app\n",
      "setup.service": setup,
    });
    expect(rest).toEqual([]);
    expect([f!.file, f!.line, f!.severity]).toEqual(["setup.service", 2, "info"]);
    expect(f!.message).toContain("runs again on every restart of app.service");
    expect(f!.related?.map((r) => [r.file, r.line, r.message])).toEqual([["app.service", 2, "app.service Requires=setup.service here"]]);
  });
  it("warns for BindsTo= (the dependent is stopped when the oneshot finishes), ordered or not", () => {
    const [f] = findings({ "app.service": "[Unit]\nBindsTo=setup.service\n[Service]\nExecStart=/usr/bin/app\n", "setup.service": setup });
    expect([f!.severity, f!.message]).toEqual(["warning", expect.stringContaining("systemd stops app.service with it")]);
  });
  it("needs ordering for Requires=/Wants=, a long-running dependent, and no RemainAfterExit=yes", () => {
    expect(findings({ "app.service": "[Unit]\nWants=setup.service\n[Service]\nExecStart=/usr/bin/app\n", "setup.service": setup })).toEqual([]);
    expect(
      findings({ "app.service": "[Unit]\nRequires=load@x.service\nAfter=load@x.service\n[Service]\nExecStart=/usr/bin/app\n", "load@.service": setup }),
    ).toEqual([]);
    expect(
      findings({
        "app.service": "[Unit]\nWants=setup.service\nAfter=setup.service\n[Service]\nType=oneshot\nExecStart=/usr/bin/app\n",
        "setup.service": setup,
      }),
    ).toEqual([]);
    expect(
      findings({
        "app.service": "[Unit]\nWants=setup.service\nAfter=setup.service\n[Service]\nExecStart=/usr/bin/app\n",
        "setup.service": setup + "RemainAfterExit=yes\n",
      }),
    ).toEqual([]);
  });
});

describe("timeouts/stop-shorter-than-grace", () => {
  const findings = (text: string) => lintSources([{ path: "a.service", text }]).findings.filter((f) => f.rule === "timeouts/stop-shorter-than-grace");
  it("compares with the longest stated period and points at it", () => {
    const [f] = findings("[Service]\nEnvironment=APP_GRACE_PERIOD=1min\nExecStart=/usr/local/bin/sidekiq -t 25\nTimeoutStopSec=30\n");
    expect(f!.message).toBe(
      "TimeoutStopSec=30 is shorter than the 1min shutdown period the unit asks for (Environment= APP_GRACE_PERIOD=1min): systemd sends SIGKILL after 30s, before the service has finished stopping. Set TimeoutStopSec= longer than 1min",
    );
    expect(f!.related?.map((r) => `${r.line}:${r.column}`)).toEqual(["2:13"]);
  });
  it("reads unitless numbers as seconds and the later of TimeoutSec=/TimeoutStopSec=", () => {
    expect(findings("[Service]\nExecStart=/usr/bin/gunicorn --graceful-timeout 60 app\nTimeoutStopSec=2min\nTimeoutSec=59\n").map((f) => f.line)).toEqual([4]);
    expect(findings("[Service]\nExecStart=/usr/bin/gunicorn --graceful-timeout 60 app\nTimeoutSec=59\nTimeoutStopSec=2min\n")).toEqual([]);
  });
  it("does not guess from unrelated numbers", () => {
    expect(
      findings(
        "[Service]\nExecStart=/usr/bin/puma -t 8:32 --timeout 90\nExecStartPre=/bin/sleep 60\nEnvironment=GRACE_MS=90000 GRACEFUL=yes\nTimeoutStopSec=5\n",
      ),
    ).toEqual([]);
  });
});

describe("timeouts/infinite-timeout", () => {
  const t = (extra: string) => lint({ "a.service": "[Service]\nExecStart=/usr/bin/a\n" + extra }, {}, "timeouts/infinite-timeout");
  it("warns for the stop timeout, notes the start timeout, once for TimeoutSec=", () => {
    expect(t("TimeoutStopSec=0\nTimeoutStartSec=infinity\n")).toEqual([
      "a.service:3:1 timeouts/infinite-timeout warning",
      "a.service:4:1 timeouts/infinite-timeout info",
    ]);
    expect(t("TimeoutSec=infinity\n")).toEqual(["a.service:3:1 timeouts/infinite-timeout warning"]);
  });
  it("skips finite values, RuntimeMaxSec=, oneshots without stop commands", () => {
    expect(t("TimeoutSec=90\nRuntimeMaxSec=infinity\n")).toEqual([]);
    expect(t("Type=oneshot\nTimeoutSec=0\n")).toEqual([]);
    expect(t("Type=oneshot\nExecStop=/usr/bin/b\nTimeoutSec=0\n")).toEqual(["a.service:5:1 timeouts/infinite-timeout warning"]);
  });
});

describe("exec/reload-not-supported", () => {
  const app = "[Unit]\nPropagatesReloadTo=b.service\n[Service]\nExecStart=/usr/bin/a\nExecReload=/bin/kill -HUP $MAINPID\n";
  const r = (files: Record<string, string>) => lint(files, {}, "exec/reload-not-supported");
  it("reports the propagating line when the receiver cannot reload", () => {
    expect(r({ "a.service": app, "b.service": "[Service]\nExecStart=/usr/bin/b\n" })).toEqual(["a.service:2:1 exec/reload-not-supported warning"]);
    expect(r({ "b.service": "[Unit]\nReloadPropagatedFrom=a.service\n[Service]\nExecStart=/usr/bin/b\n" })).toEqual([
      "b.service:2:1 exec/reload-not-supported warning",
    ]);
  });
  it("accepts receivers with ExecReload= or Type=notify-reload, and receivers outside the set", () => {
    expect(r({ "a.service": app, "b.service": "[Service]\nExecStart=/usr/bin/b\nExecReload=/usr/bin/b reload\n" })).toEqual([]);
    expect(r({ "a.service": app, "b.service": "[Service]\nType=notify-reload\nExecStart=/usr/bin/b\n" })).toEqual([]);
    expect(r({ "a.service": app })).toEqual([]);
  });
});
