import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, tempDir } from "../helpers/cli.js";

// The real pre-commit framework installs the hook from a git repository at a commit and runs it, exactly as a
// user's repository does: it clones the repository, runs `npm install` and `npm pack` there, takes `npm pack`'s
// standard output as the tarball's name, and installs that tarball with `npm install -g` into its own prefix.
//
// The configuration is the one docs/integrations.md shows, with `repo:` and `rev:` pointed at this repository's
// HEAD. npm runs offline: the clone's `npm install` takes the lockfile's packages from npm's cache, which the
// `npm ci` before `npm test` filled, and the tarball carries its runtime dependencies (bundleDependencies), so
// no step reaches the network. .ci/run installs pre-commit (Debian's package); without it this test is skipped.
const preCommit = spawnSync("pre-commit", ["--version"], { encoding: "utf8" });
const hasPreCommit = preCommit.status === 0;
const hasGit = spawnSync("git", ["--version"]).status === 0;
if (!hasPreCommit) console.warn("skipping the pre-commit install test: the pre-commit command is not installed (apt-get install pre-commit)");

/** The `.pre-commit-config.yaml` that docs/integrations.md tells users to write. */
function documentedConfig(): string {
  const doc = readFileSync(join(ROOT, "docs", "integrations.md"), "utf8");
  const block = /## pre-commit[\s\S]*?```yaml\n([\s\S]*?)```/.exec(doc);
  if (!block) throw new Error("docs/integrations.md has no .pre-commit-config.yaml block under '## pre-commit'");
  return block[1]!;
}

describe.skipIf(!hasPreCommit || !hasGit)("the pre-commit hook, installed by pre-commit from this repository", () => {
  it("installs from a clone at HEAD, passes a clean unit and fails a broken one with the finding", () => {
    const dir = tempDir("unitlint-pre-commit-");
    const head = execFileSync("git", ["rev-parse", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
    const config = documentedConfig();
    expect(config).toMatch(/^\s+- repo: \S+$/m);
    expect(config).toMatch(/^\s+rev: \S+$/m);
    expect(config).toMatch(/^\s+- id: unitlint$/m);

    const work = join(dir, "work");
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.email=t@example.org", "-c", "user.name=t", ...args], { cwd: work, encoding: "utf8" });
    execFileSync("git", ["init", "-q", work]);
    writeFileSync(join(work, ".pre-commit-config.yaml"), config.replace(/(- repo: )\S+/, `$1${ROOT}`).replace(/(rev: )\S+/, `$1${head}`));
    writeFileSync(join(work, "clean.service"), "[Unit]\nDescription=A clean unit\n\n[Service]\nExecStart=/usr/bin/true\n");
    writeFileSync(join(work, "broken.service"), "[Service\nExecStart=/usr/bin/true\n");
    // A file whose name looks like an option: the hook's entry ends the options with `--`.
    writeFileSync(join(work, "--output=report.service"), "[Service]\nExecStart=/usr/bin/true\n");
    writeFileSync(join(work, "README.md"), "not a unit\n");
    git("add", "-A");

    const env = { ...process.env, PRE_COMMIT_HOME: join(dir, "pre-commit-home"), npm_config_offline: "true", NO_COLOR: "1", TERM: "dumb" };
    const preCommitRun = (...args: string[]) =>
      spawnSync("pre-commit", ["run", "--color", "never", ...args], { cwd: work, env, encoding: "utf8", timeout: 540_000 });

    const all = preCommitRun("--all-files");
    const out = all.stdout + all.stderr;
    expect(out, out).not.toContain("An unexpected error has occurred");
    expect(all.status, out).toBe(1);
    expect(out).toMatch(/unitlint \(systemd unit files\)\.+Failed/);
    expect(out).toContain("broken.service:1:1 error syntax/invalid-section-header");
    expect(out).toContain("--output=report.service:1:1 error naming/invalid-unit-name");
    expect(out).not.toMatch(/clean\.service:\d/);
    expect(existsSync(join(work, "report.service"))).toBe(false);
    expect(out).not.toContain("README.md");

    // The installed environment is reused: the clean unit alone passes.
    const clean = preCommitRun("--files", "clean.service");
    expect(clean.status, clean.stdout + clean.stderr).toBe(0);
    expect(clean.stdout).toMatch(/unitlint \(systemd unit files\)\.+Passed/);
  }, 600_000);
});
