import { symlinkSync, chmodSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { execFileSync, spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { BIN, ensureBin, run, project } from "../helpers/cli.js";

const GOOD = "[Unit]\nDescription=Good\n\n[Service]\nExecStart=/usr/bin/true\n";
const BAD = "[Unit\nDescription=Bad\n";
const WARN = "[Unit]\nDescription=Warn\n\n[Service]\nExecStart=/usr/bin/true\nnoequals\n";

beforeAll(() => ensureBin(), 120_000);

describe("unitlint check", () => {
  it("exit 0 and a clean summary for good units", () => {
    const dir = project({ "good.service": GOOD });
    const r = run(["check", join(dir, "good.service")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("1 file checked against systemd 252, no problems found\n");
  });

  it("exit 1 on an error finding, with file:line:col and a code frame", () => {
    const dir = project({ "bad.service": BAD });
    const r = run(["check", "bad.service"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("bad.service:1:1 error syntax/invalid-section-header");
    expect(r.stdout).toContain("  1 | [Unit\n    | ^^^^^");
  });

  it("warnings alone exit 0, unless over --max-warnings", () => {
    const dir = project({ "w.service": WARN });
    expect(run(["check", "w.service"], { cwd: dir }).code).toBe(0);
    expect(run(["check", "--max-warnings", "0", "w.service"], { cwd: dir }).code).toBe(1);
    expect(run(["check", "--max-warnings", "1", "w.service"], { cwd: dir }).code).toBe(0);
  });

  it("walks folders for unit files and drop-ins, skipping .wants folders and other files", () => {
    const dir = project({
      "etc/systemd/a.service": GOOD,
      "etc/systemd/a.service.d/override.conf": "[Service]\nnoequals\n",
      "etc/systemd/multi-user.target.wants/b.service": BAD,
      "etc/systemd/README.md": "# not a unit",
      "etc/systemd/notes.txt": "[Unit",
    });
    const r = run(["check", "--format", "json"], { cwd: dir });
    const findings = JSON.parse(r.stdout);
    expect(findings.map((f: { file: string; rule: string }) => `${f.file} ${f.rule}`)).toEqual(["etc/systemd/a.service.d/override.conf syntax/invalid-line"]);
    expect(r.code).toBe(0);
  });

  it("defaults to . when there is no etc/systemd", () => {
    const dir = project({ "x/bad.service": BAD });
    const r = run(["check"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("x/bad.service:1:1");
  });

  it("a missing path is exit 2 with a one-line message, and the other files are still checked", () => {
    const dir = project({ "bad.service": BAD });
    const r = run(["check", "nope.service", "bad.service"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("unitlint: nope.service: no such file or folder\n");
    expect(r.stdout).toContain("bad.service:1:1 error");
  });

  it("binary and unreadable files are I/O errors (exit 2), never a stack trace", () => {
    const dir = project({ "bin.service": "\u0000\u0001\u0002".repeat(100), "ok.service": GOOD });
    const r = run(["check", "bin.service", "ok.service"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("bin.service: binary file");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    if (process.getuid && process.getuid() !== 0) {
      chmodSync(join(dir, "ok.service"), 0);
      expect(run(["check", "ok.service"], { cwd: dir }).stderr).toContain("permission denied");
    }
  });

  it("skips FIFOs and symlink loops in folders with a message", () => {
    const dir = project({ "u/a.service": GOOD });
    symlinkSync("..", join(dir, "u", "loop"));
    try {
      execFileSync("mkfifo", [join(dir, "u", "pipe.service")]);
    } catch {
      /* no mkfifo: the loop part still runs */
    }
    const r = run(["check", "u"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("symbolic link loop");
  });

  it("reads standard input with --stdin-filename", () => {
    const r = run(["check", "-", "--stdin-filename", "etc/x.timer", "--format", "json"], { input: "[Unit]\n[Service]\n" });
    const findings = JSON.parse(r.stdout) as { rule: string }[];
    expect(findings.find((f) => f.rule === "syntax/unknown-section")).toMatchObject({ file: "etc/x.timer", line: 2 });
  });

  it("checks a lone drop-in against its parent unit found beside it, reporting only the given file", () => {
    const dir = project({ "a.service": WARN, "a.service.d/10-x.conf": "[Service]\nalso bad\n" });
    const r = run(["check", "--format", "json", "a.service.d/10-x.conf"], { cwd: dir });
    const files = JSON.parse(r.stdout).map((f: { file: string }) => f.file);
    expect(files).toEqual(["a.service.d/10-x.conf"]);
  });

  it("a unit given alone sees the other units of its folder as context (pre-commit passes only the changed files)", () => {
    const dir = project({
      "backup.timer": "[Timer]\nOnCalendar=daily\n[Install]\nWantedBy=timers.target\n",
      "backup.service": "[Service]\nType=oneshot\nExecStart=/usr/bin/backup\nbroken line\n",
    });
    const r = run(["check", "--format", "json", "backup.timer"], { cwd: dir });
    expect(JSON.parse(r.stdout)).toEqual([]);
    const alone = project({ "backup.timer": "[Timer]\nOnCalendar=daily\n[Install]\nWantedBy=timers.target\n" });
    expect(JSON.parse(run(["check", "--format", "json", "backup.timer"], { cwd: alone }).stdout).map((f: { rule: string }) => f.rule)).toContain(
      "timers/unit-not-found",
    );
  });

  it("usage errors: unknown format, bad --rule, exit 2", () => {
    expect(run(["check", "--format", "xml"]).code).toBe(2);
    const r = run(["check", "--rule", "nope/x=error"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown rule 'nope/x'");
  });

  it("--rule changes a severity; --quiet keeps errors only; --output writes a file", () => {
    const dir = project({ "w.service": WARN });
    expect(run(["check", "--rule", "syntax/invalid-line=error", "w.service"], { cwd: dir }).code).toBe(1);
    expect(run(["check", "--rule", "syntax/invalid-line=off", "w.service"], { cwd: dir }).stdout).toContain("no problems");
    expect(run(["check", "-q", "w.service"], { cwd: dir }).stdout).toContain("no problems");
    run(["check", "--format", "sarif", "-o", "out.sarif", "w.service"], { cwd: dir });
    expect(JSON.parse(readFileSync(join(dir, "out.sarif"), "utf8")).version).toBe("2.1.0");
  });

  it("--version and --help exit 0", () => {
    expect(run(["--version"]).stdout).toMatch(/^\d+\.\d+\.\d+/);
    expect(run(["--help"]).code).toBe(0);
    expect(run(["nonsense"]).code).toBe(2);
  });
});

// Runs the installed systemd-analyze; skipped where it is absent.
const hasAnalyze = (() => {
  try {
    execFileSync("systemd-analyze", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!hasAnalyze)("unitlint check --with-systemd", () => {
  it("adds systemd-analyze verify's messages that unitlint does not already report", () => {
    // %D does not resolve where verify runs: only systemd says so; User=nobody both say is not safe (one finding)
    const dir = project({ "v.service": "[Unit]\nDescription=x\nRestartsec=5\n[Service]\nExecStart=/bin/true\nUser=nobody\nEnvironment=A=%D\n" });
    const r = run(["check", "--with-systemd", "--format", "json", "v.service"], { cwd: dir });
    const found = JSON.parse(r.stdout).map(
      (f: { line: number; rule: string; message: string }) => `${f.line} ${f.rule}${f.message.startsWith("systemd-analyze") ? " (systemd)" : ""}`,
    );
    expect(found).toEqual(["3 directives/unknown-directive", "6 loading/invalid-user-group", "7 values/invalid-value (systemd)"]);
  });
});

describe("masked units", () => {
  it("a unit linked to /dev/null (masked) is skipped without a message", () => {
    const dir = project({ "u/a.service": GOOD });
    symlinkSync("/dev/null", join(dir, "u", "masked.service"));
    const r = run(["check", "u"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
  });
});

describe("closed pipes", () => {
  it("a reader that stops early (| head) is not an error and prints no stack trace", () => {
    const r = spawnSync("bash", ["-c", `"${process.execPath}" "${BIN}" calendar --iterations 20000 daily | head -1; exit \${PIPESTATUS[0]}`], {
      encoding: "utf8",
    });
    expect(r.stdout).toBe("  Original form: daily\n");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});
