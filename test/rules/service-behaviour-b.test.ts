import { describe, expect, it } from "vitest";
import { applyEdits } from "../../src/core/edits.js";
import { lintSources } from "../../src/linter/lint.js";

/** Findings of one rule of issue #5 (part B), as `line:col severity messageId-ish message start`. */
const findings = (rule: string, files: Record<string, string>) =>
  lintSources(Object.entries(files).map(([path, text]) => ({ path, text }))).findings.filter((f) => f.rule === rule);
const at = (rule: string, files: Record<string, string>) => findings(rule, files).map((f) => `${f.file}:${f.line}:${f.column} ${f.severity}`);

describe("kill/unsafe-stop-signals", () => {
  const rule = "kill/unsafe-stop-signals";
  it("reports KillSignal=SIGKILL in any spelling and mixed mode without the final SIGKILL", () => {
    expect(at(rule, { "a.service": "[Service]\nExecStart=/bin/a\nKillSignal=9\n" })).toEqual(["a.service:3:12 warning"]);
    expect(at(rule, { "a.service": "[Service]\nExecStart=/bin/a\nKillMode=mixed\nSendSIGKILL=off\n" })).toEqual(["a.service:4:1 warning"]);
  });
  it("leaves other signals with mixed mode, and SendSIGKILL=no with control-group, alone", () => {
    expect(at(rule, { "a.service": "[Service]\nExecStart=/bin/a\nKillMode=mixed\nKillSignal=SIGINT\n" })).toEqual([]);
    expect(at(rule, { "a.service": "[Service]\nExecStart=/bin/a\nSendSIGKILL=no\n" })).toEqual([]);
  });
});

describe("kill/jvm-stop-exit-code", () => {
  const rule = "kill/jvm-stop-exit-code";
  it("names the status the JVM returns for the stop signal", () => {
    const [f] = findings(rule, { "a.service": "[Service]\nExecStart=/opt/jruby/bin/jruby app.rb\nKillSignal=INT\n" });
    expect(f!.message).toContain("SuccessExitStatus=130");
    expect(at(rule, { "a.service": "[Service]\nExecStart=/usr/bin/java -jar a.jar\nSuccessExitStatus=SIGTERM\n" })).toEqual(["a.service:2:11 info"]);
  });
  it("skips listed statuses, -Xrs, ExecStop=, oneshots and Ruby programs", () => {
    for (const extra of ["SuccessExitStatus=143", "ExecStop=/bin/stop", "Type=oneshot"])
      expect(at(rule, { "a.service": `[Service]\nExecStart=/usr/bin/java -jar a.jar\n${extra}\n` })).toEqual([]);
    expect(at(rule, { "a.service": "[Service]\nExecStart=/usr/bin/java -Xrs -jar a.jar\n" })).toEqual([]);
    expect(at(rule, { "a.service": "[Service]\nExecStart=/usr/bin/bundle exec puma\n" })).toEqual([]);
  });
});

describe("kill/redundant-exit-status", () => {
  const rule = "kill/redundant-exit-status";
  const fixed = (text: string) =>
    applyEdits(
      text,
      findings(rule, { "a.service": text }).flatMap((f) => f.fix!.edits),
    ).text;
  it("removes 0, the signals that are clean anyway and repeats, keeping the rest of the list", () => {
    expect(fixed("[Service]\nExecStart=/bin/a\nSuccessExitStatus=0 75 SIGTERM\nRestartPreventExitStatus=SIGUSR1 255 USR1\n")).toBe(
      "[Service]\nExecStart=/bin/a\nSuccessExitStatus=75\nRestartPreventExitStatus=SIGUSR1 255\n",
    );
  });
  it("removes a line whose only word is redundant instead of leaving an empty reset", () => {
    expect(fixed("[Service]\nExecStart=/bin/a\nSuccessExitStatus=75\nSuccessExitStatus=75\nSuccessExitStatus=0\n")).toBe(
      "[Service]\nExecStart=/bin/a\nSuccessExitStatus=75\n",
    );
  });
  it("keeps signals for oneshots, 0 in RestartPreventExitStatus= and values after a reset", () => {
    expect(at(rule, { "a.service": "[Service]\nType=oneshot\nExecStart=/bin/a\nSuccessExitStatus=SIGTERM\n" })).toEqual([]);
    expect(
      at(rule, { "a.service": "[Service]\nExecStart=/bin/a\nRestartPreventExitStatus=0\nSuccessExitStatus=1\nSuccessExitStatus=\nSuccessExitStatus=1\n" }),
    ).toEqual([]);
  });
});

describe("resources/resource-ranges", () => {
  const rule = "resources/resource-ranges";
  it("reports values systemd 252 refuses as errors", () => {
    const text = "[Service]\nExecStart=/bin/a\nCPUQuota=0%\nTasksMax=0\nMemoryHigh=0\nMemoryMax=101%\n";
    expect(at(rule, { "a.service": text })).toEqual(["a.service:3:10 error", "a.service:4:10 error", "a.service:5:12 error", "a.service:6:11 error"]);
  });
  it("suggests a megabyte suffix for a memory size below 1M", () => {
    const [f] = findings(rule, { "a.service": "[Service]\nExecStart=/bin/a\nMemoryMax=512\n" });
    expect([f!.severity, f!.message, f!.suggestions?.[0]?.edits[0]?.text]).toEqual(["warning", expect.stringContaining("only 512 bytes"), "512M"]);
  });
  it("accepts large CPU quotas, zero protections and swap, TasksMax=0% and 0.01% steps", () => {
    const text = "[Service]\nExecStart=/bin/a\nCPUQuota=3200%\nMemoryLow=0\nMemorySwapMax=0\nTasksMax=0%\nMemoryMax=12.5%\nMemoryMin=1M\n";
    expect(at(rule, { "a.service": text })).toEqual([]);
  });
});

describe("identity/runs-as-root", () => {
  const rule = "identity/runs-as-root";
  const hardened = (files: Record<string, string>, mode: "system" | "user" = "system") =>
    lintSources(
      Object.entries(files).map(([path, text]) => ({ path, text })),
      { presets: ["hardening"], settings: { mode } },
    )
      .findings.filter((f) => f.rule === rule)
      .map((f) => `${f.file}:${f.line} ${f.severity}`);
  it("is off by default and reported by the hardening preset", () => {
    const files = { "a.service": "[Service]\nExecStart=/usr/bin/uvicorn app:main\n" };
    expect(at(rule, files)).toEqual([]);
    expect(hardened(files)).toEqual(["a.service:2 warning"]);
  });
  it("sees network sockets that activate the service, not local ones", () => {
    expect(hardened({ "a.socket": "[Socket]\nListenStream=[::]:443\nAccept=yes\n", "a@.service": "[Service]\nExecStart=/srv/a/handler\n" })).toEqual([
      "a@.service:2 warning",
    ]);
    expect(hardened({ "a.socket": "[Socket]\nListenStream=@a-control\n", "a.service": "[Service]\nExecStart=/usr/lib/a/handler\n" })).toEqual([]);
  });
  it("skips user units, unprivileged users and oneshots", () => {
    const svc = "[Unit]\nAfter=network-online.target\n[Service]\nExecStart=/usr/bin/node s.js\n";
    expect(hardened({ "a.service": svc }, "user")).toEqual([]);
    expect(hardened({ "a.service": svc + "User=www-data\n" })).toEqual([]);
    expect(hardened({ "a.service": svc + "Type=oneshot\n" })).toEqual([]);
  });
  it("does not count waiting for network-online.target as serving the network (clients do that)", () => {
    expect(
      hardened({
        "a.service":
          "[Unit]\nWants=network-online.target\nAfter=network-online.target\n[Service]\nType=dbus\nBusName=a.b\nUser=root\nExecStart=/usr/libexec/packagekitd\n",
      }),
    ).toEqual([]);
  });
});

describe("identity/dynamic-user-conflicts", () => {
  const rule = "identity/dynamic-user-conflicts";
  it("reports User=root as an error and forced settings as warnings", () => {
    expect(at(rule, { "a.service": "[Service]\nDynamicUser=yes\nUser=0\nProtectSystem=yes\nExecStart=/bin/a\n" })).toEqual([
      "a.service:3:6 error",
      "a.service:4:1 warning",
    ]);
  });
  it("reports write folders under /var/lib only for write-like options without StateDirectory=", () => {
    const svc = (extra: string) => ({
      "a.service": `[Service]\nDynamicUser=yes\nExecStart=/bin/a --state-dir /var/lib/a --config /var/lib/b/c.conf\n${extra}`,
    });
    expect(findings(rule, svc("")).map((f) => f.message)).toEqual([expect.stringContaining("add StateDirectory=a")]);
    expect(at(rule, svc("StateDirectory=a\n"))).toEqual([]);
  });
  it("says nothing without DynamicUser=yes", () => {
    expect(at(rule, { "a.service": "[Service]\nUser=root\nPrivateTmp=no\nExecStart=/bin/a --data-dir /var/lib/a\n" })).toEqual([]);
  });
});
