import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, tempDir } from "../helpers/cli.js";

// pre-commit installs a `language: node` hook from a clone of the repository (pre_commit/languages/node.py):
// `npm install` in the clone, `npm pack`, then `npm install -g` of that tarball into a private prefix.
// A clone has no dist/ (it is built, not committed), so the bundle only exists if package.json builds it
// during that install: a "prepare" script. Until package.json has one, this test is skipped; it then runs
// the whole flow offline (npm's cache holds every dependency after `npm ci`).
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts?: Record<string, string> };
const buildsOnInstall = Boolean(pkg.scripts?.["prepare"]);
const hasGit = spawnSync("git", ["--version"]).status === 0;

describe.skipIf(!buildsOnInstall || !hasGit)("pre-commit's install of the hook from a clone", () => {
  it("npm install + npm pack + npm install -g of the committed tree give a working `unitlint` that runs the hook", () => {
    const dir = tempDir("unitlint-precommit-");
    const clone = join(dir, "repo");
    mkdirSync(clone);
    // the committed tree, as a clone at `rev` sees it
    execFileSync("bash", ["-c", `git -C "${ROOT}" archive HEAD | tar -x -C "${clone}"`]);
    const npm = (args: string[], cwd: string) => {
      const r = spawnSync("npm", [...args, "--offline", "--no-audit", "--no-fund", "--no-progress"], { cwd, encoding: "utf8" });
      expect(r.status, `npm ${args.join(" ")}: ${r.stderr}`).toBe(0);
      return r.stdout;
    };
    npm(["install", "--include=dev", "--include=prod", "--no-save"], clone);
    npm(["pack", "--silent"], clone);
    const tgz = readdirSync(clone).find((f) => f.endsWith(".tgz"))!;
    const env = join(dir, "env");
    npm(["install", "-g", "--prefix", env, join(clone, tgz)], dir);
    const bin = join(env, "bin", "unitlint");
    expect(existsSync(bin)).toBe(true);
    expect(spawnSync(bin, ["--version"], { encoding: "utf8" }).stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);

    // the hook's entry on a file list, as pre-commit passes staged files
    const hooks = readFileSync(join(ROOT, ".pre-commit-hooks.yaml"), "utf8");
    const entry = /entry: (.+)/.exec(hooks)![1]!.split(" ");
    const work = join(dir, "work");
    mkdirSync(work);
    writeFileSync(join(work, "bad.service"), "[Service\nExecStart=/bin/true\n");
    const r = spawnSync(join(env, "bin", entry[0]!), [...entry.slice(1), "bad.service"], { cwd: work, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("bad.service:1:1 error syntax/invalid-section-header");
  }, 300_000);
});
