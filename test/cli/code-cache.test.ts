import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, ROOT, ensureBin } from "../helpers/cli.js";

const DIST = join(ROOT, "dist");
const node = (args: string[], cwd = ROOT) => spawnSync(process.execPath, args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

/** The bundles the bin runs (see src/cli/loader.cjs), each with its own cache. */
const BUNDLES = ["cli.cjs", "calendar.cjs"];

/** Whether V8 rejects the code cache beside a build's bundle ("true"/"false"). */
function rejected(dist: string, bundle = "cli.cjs"): string {
  const f = join(dist, bundle);
  const probe =
    `const fs=require("fs"),vm=require("vm"),M=require("module");const f=${JSON.stringify(f)};` +
    `const s=new vm.Script(M.wrap(fs.readFileSync(f,"utf8")),{filename:f,cachedData:fs.readFileSync(f+".cache")});process.stdout.write(String(s.cachedDataRejected))`;
  return node(["-e", probe]).stdout;
}

describe("the bin runs the bundle from V8's code cache", () => {
  let bare: string;
  beforeAll(() => {
    ensureBin();
    bare = mkdtempSync(join(tmpdir(), "unitlint-nocache-"));
  });
  afterAll(() => rmSync(bare, { recursive: true, force: true }));

  it("the build's caches are accepted by this Node", () => {
    for (const bundle of BUNDLES) {
      expect(existsSync(join(DIST, `${bundle}.cache`))).toBe(true);
      expect(rejected(DIST, bundle)).toBe("false");
    }
  });

  it("an install with another Node's cache makes a new one; one that fits is kept; a clone without dist/ is left alone", () => {
    const pkg = mkdtempSync(join(tmpdir(), "unitlint-install-"));
    try {
      const train = join(pkg, "src", "cli", "train-code-cache.cjs");
      mkdirSync(join(pkg, "src", "cli"), { recursive: true });
      copyFileSync(join(ROOT, "src", "cli", "train-code-cache.cjs"), train);
      // What npm runs on install; this copy is an installed package (no scripts/build.mjs), so it never builds.
      const postinstall = join(pkg, "src", "cli", "postinstall.cjs");
      copyFileSync(join(ROOT, "src", "cli", "postinstall.cjs"), postinstall);
      // A package without dist/: postinstall is quiet and does not fail, a direct run says what is missing.
      expect(node([postinstall], pkg)).toMatchObject({ status: 0, stderr: "" });
      expect(node([train, "--if-stale"], pkg)).toMatchObject({ status: 0, stderr: "" });
      expect(node([train], pkg).status).toBe(1);

      mkdirSync(join(pkg, "dist"));
      for (const f of ["unitlint.cjs", ...BUNDLES]) copyFileSync(join(DIST, f), join(pkg, "dist", f));
      for (const bundle of BUNDLES) writeFileSync(join(pkg, "dist", `${bundle}.cache`), "made by another Node version");
      expect(rejected(join(pkg, "dist"))).toBe("true");
      expect(node([postinstall], pkg)).toMatchObject({ status: 0, stderr: "" });
      for (const bundle of BUNDLES) expect(rejected(join(pkg, "dist"), bundle)).toBe("false");

      const made = statSync(join(pkg, "dist", "cli.cjs.cache")).mtimeMs;
      expect(node([train, "--if-stale"], pkg).status).toBe(0);
      expect(statSync(join(pkg, "dist", "cli.cjs.cache")).mtimeMs).toBe(made);
    } finally {
      rmSync(pkg, { recursive: true, force: true });
    }
  });

  it("gives the same answers without the cache (another Node version, a copy without it)", () => {
    for (const f of ["unitlint.cjs", ...BUNDLES]) copyFileSync(join(DIST, f), join(bare, f));
    const args = ["check", "--no-config", "--format", "json", "examples"];
    const withCache = node([BIN, ...args]);
    const without = node([join(bare, "unitlint.cjs"), ...args]);
    expect(without.status).toBe(withCache.status);
    expect(without.stdout).toBe(withCache.stdout);
    expect(JSON.parse(without.stdout).length).toBeGreaterThan(0);
    const calendar = ["calendar", "--iterations", "5", "--base-time", "2026-03-28 00:00:00 UTC", "*-*-* 02:30 Europe/Berlin"];
    expect(node([join(bare, "unitlint.cjs"), ...calendar]).stdout).toBe(node([BIN, ...calendar]).stdout);
  });

  it("says what is wrong, with exit 2, when its bundle is missing", () => {
    const lone = mkdtempSync(join(tmpdir(), "unitlint-nobundle-"));
    try {
      copyFileSync(join(DIST, "unitlint.cjs"), join(lone, "unitlint.cjs"));
      const r = node([join(lone, "unitlint.cjs"), "--version"]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^unitlint: cannot read its bundle .*cli\.cjs \(ENOENT\): run `npm run build`\n$/);
    } finally {
      rmSync(lone, { recursive: true, force: true });
    }
  });
});
