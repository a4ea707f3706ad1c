import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BIN, ensureBin, ROOT, run, project, GOOD_UNIT, WARNING_UNIT } from "../helpers/cli.js";
import { wrapMarkdown, wrapWords } from "../../src/cli/wrap.js";

// What users of ESLint and ruff expect of a linter's command line, one test per promise.

const GOOD = GOOD_UNIT;
const WARN = WARNING_UNIT;

beforeAll(() => ensureBin(), 120_000);

describe("a path that yields no unit files", () => {
  it("an empty folder exits 2 and names it; stdout does not say 'no problems found'", () => {
    const dir = project({ "etc/sytemd/README": "notes\n" });
    const r = run(["check", "etc/sytemd"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("unitlint: etc/sytemd: no unit files found in etc/sytemd\n");
    expect(r.stdout).not.toContain("no problems found");
  });

  it("a folder named like a unit, and the default folder with nothing in it, exit 2", () => {
    const dir = project({ "app.service/notes.txt": "x\n" });
    const named = run(["check", "app.service"], { cwd: dir });
    expect(named.code).toBe(2);
    expect(named.stderr).toContain("no unit files found in app.service");
    const bare = run(["check"], { cwd: dir });
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain("no unit files found in .");
  });

  it("a folder given twice is not empty the second time", () => {
    const dir = project({ "u/a.service": GOOD });
    const r = run(["check", "u", "u"], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stderr: "", stdout: "1 file checked against systemd 252, no problems found\n" });
  });

  it("after an I/O error beside clean files, the summary says the check is incomplete", () => {
    const dir = project({ "good.service": GOOD });
    const r = run(["check", "good.service", "missing.service"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("unitlint: missing.service: no such file or folder\n");
    expect(r.stdout).toBe("1 file checked against systemd 252; 1 path could not be checked (see the messages on standard error)\n");
  });
});

describe("--max-warnings", () => {
  it("says why the run failed", () => {
    const dir = project({ "w.service": WARN, "v.service": WARN });
    const r = run(["check", "--max-warnings", "1", "w.service", "v.service"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("unitlint: 2 warnings found, more than --max-warnings 1\n");
    expect(run(["check", "--max-warnings", "2", "w.service", "v.service"], { cwd: dir })).toMatchObject({ code: 0, stderr: "" });
  });
});

describe("--fix-dry-run", () => {
  it("prints only the diff on stdout, which git apply takes; the report goes to stderr", () => {
    const dir = project({ "x.service": "[Unit]\nDescription=x\nAfter=syslog.target network.target\n\n[Service]\nExecStart=/usr/bin/true\n" });
    execFileSync("git", ["init", "-q"], { cwd: dir });
    const r = run(["check", "--fix-dry-run", "x.service"], { cwd: dir });
    expect(r.stdout).toMatch(/^--- a\/x\.service\n\+\+\+ b\/x\.service\n@@ /);
    expect(r.stdout).not.toContain("problem");
    expect(r.stderr).toContain("values/deprecated-value");
    // the report keeps its lines: a code frame under the finding
    expect(r.stderr).toMatch(/values\/deprecated-value [^\n]*\n {2}3 \| After=syslog\.target/);
    const apply = spawnSync("git", ["apply", "-"], { cwd: dir, input: r.stdout, encoding: "utf8" });
    expect(apply.status, apply.stderr).toBe(0);
    expect(readFileSync(join(dir, "x.service"), "utf8")).toContain("After=network.target\n");
  });
});

describe("--stdin-filename", () => {
  it("alone means standard input", () => {
    const r = run(["check", "--stdin-filename", "app.service"], { input: "[Service]\nRestartsec=5\nExecStart=/usr/bin/true\n" });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("app.service:2:1 error directives/unknown-directive");
  });

  it("beside paths without '-' is a usage error that says how to use it", () => {
    const dir = project({ "a.service": GOOD });
    const r = run(["check", "--stdin-filename", "b.service", "a.service"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("unitlint: --stdin-filename names standard input: add '-' to the paths, or give no paths\n");
  });
});

describe("next -n", () => {
  it("a word is a usage error that names -n", () => {
    const r = run(["next", "-n", "abc", "daily"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("unitlint: -n expects a whole number of elapses, got 'abc'\n");
  });

  it("zero is a usage error", () => {
    const r = run(["next", "-n", "0", "daily"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("unitlint: -n expects 1 or more elapses, got 0\n");
    expect(r.stdout).toBe("");
  });
});

describe("help and README speak the user's language", () => {
  it("no internal jargon in any command's --help, the README or the docs", () => {
    const commands = [
      "check",
      "next",
      "calendar",
      "timespan",
      "security",
      "harden",
      "graph",
      "rules",
      "explain",
      "migrate",
      "cron2calendar",
      "lsp",
      "playground",
    ];
    const helps = [run(["--help"]).stdout, ...commands.map((c) => run([c, "--help"]).stdout), run(["migrate", "jobs", "--help"]).stdout];
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    for (const text of [...helps, readme]) expect(text).not.toMatch(/seed[- ]?\d{3}/i);
  });

  it("--preset lists every preset it accepts, in --help and in the README", () => {
    const help = run(["check", "--help"]).stdout.replace(/\s+/g, " ");
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    for (const p of ["recommended", "strict", "hardening"]) {
      expect(help).toContain(`"${p}"`);
      expect(readme).toMatch(new RegExp("`--preset <name>`[^\\n]*`" + p + "`"));
    }
  });
});

describe("rules and explain on a terminal", () => {
  it("wrap to the terminal's width; piped, each rule stays on one line", () => {
    expect(wrapWords("one two three four", 9)).toEqual(["one two", "three", "four"]);
    const md =
      "# title that is long enough\n\nA paragraph of several words here.\n\n- an item with words\n\n```ini\nExecStart=/a/very/long/line/that/stays\n```\n";
    expect(wrapMarkdown(md, 16)).toBe(
      "# title that is long enough\n\nA paragraph of\nseveral words\nhere.\n\n- an item with\n  words\n\n```ini\nExecStart=/a/very/long/line/that/stays\n```\n",
    );
    const piped = run(["rules"]).stdout.split("\n");
    expect(piped.filter((l) => /^[a-z]+\/[a-z0-9-]+ /.test(l)).length).toBe(piped.filter(Boolean).length - 1);
  });

  const hasScript = spawnSync("script", ["--version"]).status === 0;
  it.skipIf(!hasScript)("under a real terminal of 80 columns (script(1)), no line of `rules` or `explain` is wider", () => {
    for (const args of ["rules", "explain exec/shell-syntax"]) {
      const r = spawnSync("script", ["-qec", `stty cols 80; "${process.execPath}" "${BIN}" ${args}`, "/dev/null"], {
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1" },
      });
      expect(r.status).toBe(0);
      const lines = r.stdout.replace(/\r/g, "").split("\n");
      expect(lines.length).toBeGreaterThan(10);
      // Code blocks keep their lines whole; everything else fits.
      const prose = lines.filter((l) => !/^(ExecStart|\[|#|\s{4})/.test(l) && !l.includes("="));
      for (const l of prose) expect(l.length, l).toBeLessThanOrEqual(80);
    }
  });
});

const hasAnalyze = spawnSync("systemd-analyze", ["--version"], { stdio: "ignore" }).status === 0;
if (!hasAnalyze) console.warn("skipping the --with-systemd contract tests: systemd-analyze is not installed");

describe.skipIf(!hasAnalyze)("--with-systemd", () => {
  type F = { file: string; line: number; rule: string; severity: string; message: string };
  const check = (dir: string, ...files: string[]) => {
    const r = run(["check", "--with-systemd", "--format", "json", ...files], { cwd: dir });
    return { code: r.code, findings: JSON.parse(r.stdout) as F[] };
  };

  it("a refusal keeps error severity (exit 1) and a message without a line is put on the unit's first line", () => {
    // No ExecStart=: systemd refuses the unit with "Service has no ExecStart=... Refusing.", which names no line.
    const dir = project({ "a.service": "[Unit]\nDescription=a\n\n[Service]\nType=simple\n" });
    const { code, findings } = check(dir, "a.service");
    expect(code).toBe(1);
    const refusal = findings.filter((f) => f.severity === "error");
    expect(refusal.length).toBeGreaterThan(0);
    expect(refusal.every((f) => f.file === "a.service")).toBe(true);
    expect(findings.some((f) => /Refusing/.test(f.message)) || refusal.some((f) => /refuse/i.test(f.message))).toBe(true);
    // the generic follow-up ("has a bad unit file setting") does not repeat the refusal
    expect(findings.filter((f) => /bad unit file setting/.test(f.message))).toEqual([]);
  });

  it("systemd's message on a line unitlint already reports is left out; one unitlint misses is added", () => {
    const dir = project({ "b.service": "[Unit]\nDescription=b\n\n[Service]\nExecStart=/usr/bin/true\nRestartSec=abc\nEnvironment=A=%D\nUser=nobody\n" });
    const { findings } = check(dir, "b.service");
    const at = (line: number) => findings.filter((f) => f.line === line).map((f) => f.rule);
    // RestartSec=abc: unitlint's own error; systemd's "Failed to parse sec value" is the same problem.
    expect(at(6)).toEqual(["values/invalid-value"]);
    expect(findings.filter((f) => f.line === 6 && f.message.startsWith("systemd-analyze"))).toEqual([]);
    // Environment=A=%D: only systemd says something (%D does not resolve where verify runs).
    expect(findings.filter((f) => f.line === 7).map((f) => [f.rule, f.severity, f.message.startsWith("systemd-analyze verify: ")])).toEqual([
      ["values/invalid-value", "warning", true],
    ]);
    // User=nobody: both say it is not safe; unitlint's finding stands alone.
    expect(at(8)).toEqual(["loading/invalid-user-group"]);
  });

  it("a message that names no unit is put on the line that holds the value it quotes", () => {
    // "Accepting user/group name 'svc user', which does not match strict user/group name rules."
    const dir = project({ "c.service": "[Unit]\nDescription=c\n\n[Service]\nExecStart=/usr/bin/true\nUser=svc user\n" });
    const { findings } = check(dir, "c.service");
    expect(findings.filter((f) => f.message.startsWith("systemd-analyze verify: Accepting")).map((f) => f.line)).toEqual(
      findings.some((f) => f.line === 6 && !f.message.startsWith("systemd-analyze")) ? [] : [6],
    );
    expect(findings.every((f) => f.line !== 1 || !f.message.includes("Accepting"))).toBe(true);
  });
});

describe("a user crontab saved as `crontab` in a repository", () => {
  it("is read as one when every job has a path where the user would be", () => {
    const dir = project({ crontab: "30 * * * * /usr/local/bin/notify --all\n0 2 * * * $HOME/bin/backup\n" });
    expect(run(["check", "."], { cwd: dir })).toMatchObject({ code: 0, stdout: "1 file checked against systemd 252, no problems found\n" });
  });
  it("otherwise the finding says which format was assumed and how to choose the other, and --crontab reads it as a user crontab", () => {
    const dir = project({ crontab: "30 * * * * /usr/local/bin/notify --all\n0 2 * * * backup /usr/local/bin/backup\n" });
    const assumed = run(["check", "."], { cwd: dir });
    expect(assumed.code).toBe(1);
    expect(assumed.stdout).toContain("a file named crontab is read as a system crontab");
    expect(assumed.stdout).toContain("unitlint check --crontab crontab");
    // the same file found while walking and given with --crontab is checked once, as a user crontab
    expect(run(["check", ".", "--crontab", "crontab"], { cwd: dir })).toMatchObject({
      code: 0,
      stdout: "1 file checked against systemd 252, no problems found\n",
    });
  });
});

describe("file names with control characters in the other commands", () => {
  it("security, harden and migrate print them escaped, never raw", () => {
    const name = "evil\u001b[31m\rname.service";
    const dir = project({ [name]: "[Unit]\nDescription=x\n[Service]\nExecStart=/usr/bin/true\n", crontab: "0 3 * * * /usr/bin/backup\n" });
    const outputs = [
      run(["security", name], { cwd: dir }),
      run(["security", "--baseline", "missing.json", name], { cwd: dir }),
      run(["harden", name, "nothing.service"], { cwd: dir }),
      run(["migrate", "crontab", "--format", "user", "--dry-run", "--out", "out\u001bdir", "crontab"], { cwd: dir }),
    ];
    for (const r of outputs) {
      expect(r.stdout + r.stderr).not.toMatch(/[\u001b\r]/);
    }
    expect(outputs[0]!.stdout).toContain("evil\\x1b[31m\\rname.service");
    expect(outputs[3]!.stdout).toContain("out\\x1bdir/");
  });
});

describe("which systemd the files were checked against", () => {
  it("the summary line names the reference release, and the targets when given; --help says the same", () => {
    const dir = project({ "a.service": GOOD });
    expect(run(["check", "a.service"], { cwd: dir }).stdout).toBe("1 file checked against systemd 252, no problems found\n");
    expect(run(["check", "--target-systemd", "247,252", "a.service"], { cwd: dir }).stdout).toBe(
      "1 file checked against systemd 252 (target 247, 252), no problems found\n",
    );
    expect(run(["check", "--help"]).stdout.replace(/\s+/g, " ")).toContain("always judged as systemd 252 judges them");
  });
});
