import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBin, run, tempDir } from "../helpers/cli.js";

beforeAll(() => ensureBin(), 120_000);

const WARN = "[Service]\nExecStart=/usr/bin/true\nnoequals\n";

function file(name: string, text: string): string {
  const dir = tempDir();
  writeFileSync(join(dir, name), text);
  return dir;
}

describe("check options", () => {
  it("--color forces colour into a pipe; --no-color and NO_COLOR turn it off; FORCE_COLOR turns it on", () => {
    const dir = file("w.service", WARN);
    expect(run(["check", "--color", "w.service"], { cwd: dir }).stdout).toContain("\u001b[");
    expect(run(["check", "w.service"], { cwd: dir, env: { NO_COLOR: "", FORCE_COLOR: "1" } }).stdout).toContain("\u001b[");
    expect(run(["check", "--no-color", "w.service"], { cwd: dir, env: { NO_COLOR: "", FORCE_COLOR: "1" } }).stdout).not.toContain("\u001b[");
    expect(run(["check", "w.service"], { cwd: dir }).stdout).not.toContain("\u001b[");
  });

  it("--output writes the report to a file (never coloured) and nothing to stdout; the exit code is unchanged", () => {
    const dir = file("bad.service", "[Service\n");
    const r = run(["check", "--color", "-o", "report.txt", "bad.service"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    const report = readFileSync(join(dir, "report.txt"), "utf8");
    expect(report).toContain("bad.service:1:1 error syntax/invalid-section-header");
    expect(report).not.toContain("\u001b[");
    expect(run(["check", "-o", "no/such/dir/r.txt", "bad.service"], { cwd: dir }).code).toBe(2);
  });

  it("--quiet keeps errors only, in every format", () => {
    const dir = file("w.service", WARN + "[Unit\n");
    const all = JSON.parse(run(["check", "-f", "json", "w.service"], { cwd: dir }).stdout) as { severity: string }[];
    const quiet = JSON.parse(run(["check", "-q", "-f", "json", "w.service"], { cwd: dir }).stdout) as { severity: string }[];
    expect(all.some((f) => f.severity === "warning")).toBe(true);
    expect(quiet.length).toBeGreaterThan(0);
    expect(quiet.every((f) => f.severity === "error")).toBe(true);
  });

  it("--report-unused-disables reports a suppression that silences nothing; with --fix it is removed", () => {
    const text = "[Service]\n# unitlint-disable-next-line values/invalid-value -- old\nExecStart=/usr/bin/true\n";
    const dir = file("a.service", text);
    expect(run(["check", "a.service"], { cwd: dir }).stdout).toContain("no problems");
    const r = run(["check", "--report-unused-disables", "a.service"], { cwd: dir });
    expect(r.stdout).toContain(
      "a.service:2:1 warning suppressions/unused-disable this unitlint-disable comment suppresses nothing (values/invalid-value); remove it [fixable]",
    );
    expect(r.code).toBe(0);
    expect(run(["check", "--report-unused-disables", "--fix", "a.service"], { cwd: dir }).stdout).toContain("no problems");
    expect(readFileSync(join(dir, "a.service"), "utf8")).toBe("[Service]\nExecStart=/usr/bin/true\n");
  });

  it("--fix-unsafe applies the unsafe fixes too; plain --fix leaves them", () => {
    const text = "[Service]\nExecStart=/usr/bin/app | logger\n";
    const dir = file("a.service", text);
    run(["check", "--fix", "a.service"], { cwd: dir });
    expect(readFileSync(join(dir, "a.service"), "utf8")).toBe(text);
    const r = run(["check", "--fix-unsafe", "a.service"], { cwd: dir });
    expect(readFileSync(join(dir, "a.service"), "utf8")).toContain("/bin/sh -c");
    expect(r.stderr).toBe("unitlint: applied 1 fix in 1 file\n");
  });
});
