import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBin, ROOT, run, tempDir } from "../helpers/cli.js";

// The hook's file pattern, read from .pre-commit-hooks.yaml (a single-quoted YAML scalar).
const hooks = readFileSync(join(ROOT, ".pre-commit-hooks.yaml"), "utf8");
const pattern = new RegExp(/files: '([^']+)'/.exec(hooks)![1]!);
const entry = /entry: (.+)/.exec(hooks)![1]!.split(" ");

describe("pre-commit hook", () => {
  beforeAll(() => ensureBin(), 120_000);

  it("matches unit files, drop-ins and crontabs, and nothing else", () => {
    for (const ok of ["etc/systemd/a.service", "x/b@.timer", "a.service.d/override.conf", "c.mount", "etc/crontab", "etc/cron.d/backup"])
      expect(pattern.test(ok), ok).toBe(true);
    for (const no of ["README.md", "a.conf", "service.txt", "src/index.ts", "etc/cron.daily/x"]) expect(pattern.test(no), no).toBe(false);
  });

  it("runs its entry on the staged files of a git repository and fails on errors", () => {
    const dir = tempDir();
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.email=t@t", "-c", "user.name=t", ...args], { cwd: dir, encoding: "utf8" });
    git("init", "-q");
    mkdirSync(join(dir, "etc", "systemd"), { recursive: true });
    writeFileSync(join(dir, "etc", "systemd", "good.service"), "[Service]\nExecStart=/bin/true\n");
    writeFileSync(join(dir, "etc", "systemd", "bad.service"), "[Service\nExecStart=/bin/true\n");
    writeFileSync(join(dir, "notes.md"), "# not a unit\n");
    git("add", ".");
    const staged = git("diff", "--cached", "--name-only")
      .trim()
      .split("\n")
      .filter((f) => pattern.test(f));
    expect(staged).toEqual(["etc/systemd/bad.service", "etc/systemd/good.service"]);
    const r = run([...entry.slice(1), ...staged], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("etc/systemd/bad.service:1:1 error syntax/invalid-section-header");
    expect(run([...entry.slice(1), "etc/systemd/good.service"], { cwd: dir }).code).toBe(0);
  });

  it("checkstyle and junit reports are well-formed XML with every finding", () => {
    const r = run(["check", "-f", "checkstyle", "examples/sidekiq"]);
    expect(r.stdout).toMatch(
      /^<\?xml[^>]+>\n<checkstyle version="4.3">\n {2}<file name="[^"]+sidekiq.service">\n( {4}<error [^>]+\/>\n)+ {2}<\/file>\n<\/checkstyle>\n$/,
    );
    const j = run(["check", "-f", "junit", "examples/sidekiq"]);
    expect(j.stdout).toMatch(/<testsuites name="unitlint" tests="1" failures="1" errors="0" skipped="0">/);
    expect((j.stdout.match(/<failure /g) ?? []).length).toBe(1);
  });
});
