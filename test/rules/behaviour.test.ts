import { describe, expect, it } from "vitest";
import { applyEdits } from "../../src/core/edits.js";
import { lintSources } from "../../src/linter/lint.js";
import { parseExec } from "../../src/parser/exec/parse-exec.js";

const lint = (files: Record<string, string>) =>
  lintSources(Object.entries(files).map(([path, text]) => ({ path, text }))).findings.filter((f) => /^(exec|restart|timeouts)\//.test(f.rule));

describe("exec-line parser", () => {
  it("splits prefixes and quoted words with offsets", () => {
    const c = parseExec(`-!/bin/sh -c "echo 'hi' && x" y\\ z`);
    expect(c.prefixes).toEqual(["-", "!"]);
    expect(c.words.map((w) => w.text)).toEqual(["/bin/sh", "-c", "echo 'hi' && x", "y z"]);
    expect(c.words[2]).toMatchObject({ from: 13, quoted: true });
    expect(parseExec(`/bin/echo "open`).unterminatedQuote).toBe(10);
  });
});

describe("behaviour rules", () => {
  it("exec/shell-syntax: operators, redirections, substitutions, globs; a /bin/sh -c fix", () => {
    const text = "[Service]\nExecStart=/usr/bin/app --serve 2>&1 | logger\n";
    const [f] = lint({ "a.service": text });
    expect([f!.rule, f!.column, f!.fix?.safe]).toEqual(["exec/shell-syntax", 32, false]);
    expect(applyEdits(text, f!.fix!.edits).text).toBe("[Service]\nExecStart=/bin/sh -c '/usr/bin/app --serve 2>&1 | logger'\n");
    expect(lint({ "a.service": "[Service]\nExecStart=/bin/echo $(date)\n" })).toHaveLength(1);
    expect(lint({ "a.service": "[Service]\nExecStart=/bin/rm /tmp/*.lock\n" })[0]!.message).toContain("glob");
    expect(lint({ "a.service": "[Service]\nExecStart=/usr/bin/find /x -name *.gz\n" })).toEqual([]);
    expect(lint({ "a.service": "[Service]\nExecStart=/bin/sh -c 'a | b'\n" })).toEqual([]);
  });

  it("exec/shell-syntax: a trailing '&' backgrounds nothing; the fix removes it", () => {
    for (const [line, fixed] of [
      ["ExecStart=/usr/bin/worker --queue default &", "ExecStart=/usr/bin/worker --queue default"],
      ["ExecStart=/usr/bin/worker --queue default&", "ExecStart=/usr/bin/worker --queue default"],
    ]) {
      const text = `[Service]\n${line}\n`;
      const [f] = lint({ "a.service": text });
      expect(f!.message).toContain("ends with '&'");
      expect(applyEdits(text, f!.fix!.edits).text).toBe(`[Service]\n${fixed}\n`);
    }
    expect(lint({ "a.service": "[Service]\nExecStart=/usr/bin/echo '&'\n" })).toEqual([]);
    expect(lint({ "a.service": "[Service]\nExecStart=/usr/bin/app 2>&1\n" }).map((f) => f.message)).not.toContainEqual(
      expect.stringContaining("ends with '&'"),
    );
  });

  it("exec/login-shell-wrapper: bundle exec and version-manager shims", () => {
    expect(lint({ "a.service": "[Service]\nExecStart=/usr/local/bin/bundle exec puma\n" }).map((f) => f.rule)).toEqual(["exec/login-shell-wrapper"]);
    expect(lint({ "a.service": "[Service]\nExecStart=/usr/local/bin/bundle install\n" })).toEqual([]);
  });

  it("exec/multiple-execstart and restart/oneshot-restart", () => {
    expect(lint({ "a.service": "[Service]\nExecStart=/bin/a\nExecStart=/bin/b\n" }).map((f) => f.rule)).toEqual(["exec/multiple-execstart"]);
    expect(lint({ "a.service": "[Service]\nType=oneshot\nExecStart=/bin/a\nExecStart=/bin/b\n" })).toEqual([]);
    expect(lint({ "a.service": "[Service]\nType=oneshot\nExecStart=/bin/a\nRestart=on-success\n" }).map((f) => f.rule)).toEqual(["restart/oneshot-restart"]);
  });

  it("timeouts/oneshot-without-timeout: only timer-started jobs", () => {
    const svc = "[Service]\nType=oneshot\nExecStart=/bin/a\n";
    expect(lint({ "a.service": svc }).map((f) => f.rule)).toEqual([]);
    expect(lint({ "a.service": svc, "a.timer": "[Timer]\nOnCalendar=daily\n" }).map((f) => f.rule)).toEqual(["timeouts/oneshot-without-timeout"]);
    expect(lint({ "a.service": svc + "RuntimeMaxSec=1h\n", "a.timer": "[Timer]\nOnCalendar=daily\n" })).toEqual([]);
  });
});

describe("resources and identity", () => {
  const rules = (text: string) => lintSources([{ path: "a.service", text }]).findings.filter((f) => /^(resources|identity)\//.test(f.rule));
  it("resources/memory-limits-order compares sizes, percentages and infinity", () => {
    expect(rules("[Service]\nExecStart=/bin/a\nMemoryHigh=1G\nMemoryMax=512M\n").map((f) => `${f.line} ${f.rule}`)).toEqual([
      "3 resources/memory-limits-order",
    ]);
    expect(rules("[Service]\nExecStart=/bin/a\nMemoryHigh=384M\nMemoryMax=infinity\nMemoryLow=90%\n")).toEqual([]);
  });
  it("identity/secret-in-environment never prints the secret in its message", () => {
    const [f] = rules("[Service]\nExecStart=/bin/a\nEnvironment=DB_PASSWORD=s3cr3t\n");
    expect(f!.rule).toBe("identity/secret-in-environment");
    expect(f!.message).not.toContain("s3cr3t");
    expect(rules('[Service]\nExecStart=/bin/a\nEnvironment="URL=https://u:p4ss@example.com/x"\n')[0]!.message).not.toContain("p4ss");
    expect(rules("[Service]\nExecStart=/bin/a\nEnvironment=PASSWORD_FILE= TOKEN=${FROM_ENV}\n")).toEqual([]);
  });
  it("identity/group-without-user: only with the strict preset (Group= alone is usually deliberate)", () => {
    const strict = (text: string) => lintSources([{ path: "a.service", text }], { presets: ["recommended", "strict"] }).findings.map((f) => f.rule);
    expect(rules("[Service]\nExecStart=/bin/a\nGroup=g\n")).toEqual([]);
    expect(strict("[Service]\nExecStart=/bin/a\nGroup=g\n")).toContain("identity/group-without-user");
    expect(strict("[Service]\nExecStart=/bin/a\nGroup=g\nDynamicUser=yes\n")).not.toContain("identity/group-without-user");
  });
});

describe("reload, kill mode and restart storms", () => {
  const rules = (text: string) =>
    lintSources([{ path: "a.service", text }])
      .findings.filter((f) => /^(exec|kill|restart)\//.test(f.rule))
      .map((f) => `${f.line} ${f.rule}`);
  it("exec/reload-without-mainpid", () => {
    expect(rules("[Service]\nExecStart=/bin/a\nExecReload=/bin/killall -HUP a\n")).toEqual(["3 exec/reload-without-mainpid"]);
    expect(rules("[Service]\nExecStart=/bin/a\nExecReload=/bin/kill -HUP ${MAINPID}\n")).toEqual([]);
  });
  it("kill/kill-mode-process: only with the strict preset (KillMode=process is always written on purpose)", () => {
    expect(rules("[Service]\nExecStart=/bin/a\nKillMode=process\n")).toEqual([]);
    const strict = lintSources([{ path: "a.service", text: "[Service]\nExecStart=/bin/a\nKillMode=process\n" }], { presets: ["recommended", "strict"] });
    expect(strict.findings.map((f) => `${f.line} ${f.rule}`)).toEqual(["3 kill/kill-mode-process"]);
  });
  it("restart/restart-storm: no start limit and a short delay", () => {
    expect(rules("[Unit]\nStartLimitIntervalSec=0\n[Service]\nExecStart=/bin/a\nRestart=on-failure\nRestartSec=200ms\n")).toEqual(["5 restart/restart-storm"]);
    expect(rules("[Service]\nExecStart=/bin/a\nRestart=on-failure\n")).toEqual([]);
  });
});

describe("exec/variable-not-expanded", () => {
  const messages = (text: string) =>
    lintSources([{ path: "a.service", text }])
      .findings.filter((f) => f.rule === "exec/variable-not-expanded")
      .map((f) => f.message);
  it("explains what the setting gets instead", () => {
    expect(messages("[Service]\nEnvironment=LANG=C PATH=$PATH:/opt/bin\nExecStart=/bin/a\n")).toEqual([
      "Environment= does not expand variables: PATH gets the literal text '$PATH:/opt/bin', '$PATH' included. Only command lines (ExecStart= and the other Exec*= settings) expand $VAR and ${VAR}; write the whole value out",
    ]);
    expect(messages("[Service]\nWorkingDirectory=$HOME/app\nExecStart=/bin/a\n")[0]).toContain("(%h gives what $HOME usually holds)");
    expect(messages("[Service]\nUser=${APP_USER}\nExecStart=/bin/a\n")[0]).toMatch(/^User= does not expand variables: systemd uses '\$\{APP_USER\}' literally/);
  });
  it("not in command lines, not $$, not lower-case $x", () => {
    expect(messages("[Service]\nExecStart=/bin/a $HOME ${X}\nEnvironment=A=$$B P=pa$word\n")).toEqual([]);
  });
});
