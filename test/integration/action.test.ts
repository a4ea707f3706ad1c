import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBin, ROOT, tempDir } from "../helpers/cli.js";

interface Step {
  name: string;
  if?: string;
  env: Record<string, string>;
  run: string;
}

/** The steps of our composite action.yml (a small reader for the shape we write, not general YAML). */
function steps(): Step[] {
  const text = readFileSync(join(ROOT, "action.yml"), "utf8");
  return text
    .split(/\n {4}- name: /)
    .slice(1)
    .map((chunk) => {
      const lines = chunk.split("\n");
      const step: Step = { name: lines[0]!.trim(), env: {}, run: "" };
      for (let i = 1; i < lines.length; i++) {
        const l = lines[i]!;
        if (l.startsWith("      if: ")) step.if = l.slice(10).trim();
        else if (l === "      env:")
          while (lines[i + 1]?.startsWith("        ")) {
            const [k, ...v] = lines[++i]!.trim().split(": ");
            step.env[k!] = v.join(": ");
          }
        else if (l === "      run: |") {
          const body: string[] = [];
          while (lines[i + 1]?.startsWith("        ") || lines[i + 1] === "") body.push(lines[++i]!.slice(8));
          step.run = body.join("\n");
        }
      }
      return step;
    });
}

/** Run the action's steps as the runner would, after the build step (the bundle is built by the tests). */
function runAction(inputs: Record<string, string>, cwd: string) {
  const results: { name: string; code: number | null; stdout: string; stderr: string }[] = [];
  const expr = (s: string) => s.replace(/\$\{\{ inputs\.(\w+) \}\}/g, (_, k: string) => inputs[k] ?? "");
  for (const step of steps().slice(1)) {
    if (step.if) {
      const m = /^inputs\.(\w+) != ''$/.exec(step.if);
      if (!m) throw new Error(`unsupported if: ${step.if}`);
      if (!inputs[m[1]!]) continue;
    }
    const env = { ...process.env, NO_COLOR: "1", GITHUB_ACTION_PATH: ROOT, ...Object.fromEntries(Object.entries(step.env).map(([k, v]) => [k, expr(v)])) };
    const r = spawnSync("bash", ["-e", "-c", step.run], { cwd, env, encoding: "utf8" });
    results.push({ name: step.name, code: r.status, stdout: r.stdout, stderr: r.stderr });
    if (r.status !== 0) break;
  }
  return results;
}

describe("the GitHub Action", () => {
  beforeAll(() => ensureBin(), 120_000);

  it("annotates findings, writes SARIF, and fails the job on errors", () => {
    const ws = tempDir();
    mkdirSync(join(ws, "etc", "my units"), { recursive: true });
    writeFileSync(join(ws, "etc", "my units", "bad.service"), "[Service\nExecStart=/bin/true\n");
    writeFileSync(join(ws, "etc", "ok.service"), "[Service]\nExecStart=/bin/true\n");
    const r = runAction({ paths: "etc", args: "--target-systemd 252", sarif: "out.sarif" }, ws);
    expect(r.map((s) => `${s.name} ${s.code}`)).toEqual(["SARIF report 0", "Check 1"]);
    expect(r[1]!.stdout).toMatch(/^::error file=etc\/my units\/bad\.service,line=1,col=1,[^:]*title=syntax\/invalid-section-header::/m);
    const sarif = JSON.parse(readFileSync(join(ws, "out.sarif"), "utf8"));
    expect(sarif.runs[0].results.some((x: { ruleId: string }) => x.ruleId === "syntax/invalid-section-header")).toBe(true);
  });

  it("passes inputs as data: no command substitution, no globbing", () => {
    const ws = tempDir();
    writeFileSync(join(ws, "a.service"), "[Service]\nExecStart=/bin/true\n");
    const r = runAction({ paths: "a.service $(touch pwned) *", args: "", sarif: "" }, ws);
    expect(r.map((s) => s.name)).toEqual(["Check"]);
    expect(existsSync(join(ws, "pwned"))).toBe(false);
    expect(r[0]!.stderr).toContain("unitlint: $(touch: no such file or folder");
    expect(r[0]!.stderr).toContain("unitlint: *: no such file or folder");
    expect(r[0]!.code).toBe(2);
  });
});
