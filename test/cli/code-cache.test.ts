import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, ROOT, ensureBin } from "../helpers/cli.js";

const DIST = join(ROOT, "dist");
const node = (args: string[], cwd = ROOT) => spawnSync(process.execPath, args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

describe("the bin runs the bundle from V8's code cache", () => {
  let bare: string;
  beforeAll(() => {
    ensureBin();
    bare = mkdtempSync(join(tmpdir(), "unitlint-nocache-"));
  });
  afterAll(() => rmSync(bare, { recursive: true, force: true }));

  it("the build's cache is accepted by this Node", () => {
    expect(existsSync(join(DIST, "cli.cjs.cache"))).toBe(true);
    const probe = `const fs=require("fs"),vm=require("vm"),M=require("module");const f=${JSON.stringify(join(DIST, "cli.cjs"))};` + `const s=new vm.Script(M.wrap(fs.readFileSync(f,"utf8")),{filename:f,cachedData:fs.readFileSync(f+".cache")});process.stdout.write(String(s.cachedDataRejected))`;
    expect(node(["-e", probe]).stdout).toBe("false");
  });

  it("gives the same answers without the cache (another Node version, a copy without it)", () => {
    for (const f of ["unitlint.cjs", "cli.cjs"]) copyFileSync(join(DIST, f), join(bare, f));
    const args = ["check", "--no-config", "--format", "json", "examples"];
    const withCache = node([BIN, ...args]);
    const without = node([join(bare, "unitlint.cjs"), ...args]);
    expect(without.status).toBe(withCache.status);
    expect(without.stdout).toBe(withCache.stdout);
    expect(JSON.parse(without.stdout).length).toBeGreaterThan(0);
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
