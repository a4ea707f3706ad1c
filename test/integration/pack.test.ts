import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, tempDir } from "../helpers/cli.js";

// npm pack, then install the tarball into an empty project offline with an empty npm cache of its own: the
// tarball carries its runtime dependencies (bundleDependencies), so installing it needs no registry and no
// cache, whatever the machine's npm cache holds. Then run the installed bin and the library.
describe("the npm package", () => {
  it("installs from its tarball with an empty npm cache, offline, and runs `unitlint --version` and a check", () => {
    const dir = tempDir("unitlint-pack-");
    const emptyCache = join(dir, "npm-cache");
    execFileSync("npm", ["pack", "--silent", "--ignore-scripts", "--pack-destination", dir], { cwd: ROOT, stdio: "ignore" });
    const tgz = readdirSync(dir).find((f) => f.endsWith(".tgz"))!;
    const app = join(dir, "app");
    execFileSync("mkdir", ["-p", app]);
    writeFileSync(join(app, "package.json"), '{ "name": "app", "private": true }');
    const install = spawnSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", join(dir, tgz)], {
      cwd: app,
      encoding: "utf8",
      env: { ...process.env, npm_config_cache: emptyCache },
    });
    expect(install.status, install.stderr).toBe(0);
    const bin = join(app, "node_modules", ".bin", "unitlint");
    expect(spawnSync(bin, ["--version"], { encoding: "utf8" }).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    writeFileSync(join(app, "x.service"), "[Service]\nRestartsec=5\nExecStart=/bin/true\n");
    const check = spawnSync(bin, ["check", "x.service"], { cwd: app, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(check.status).toBe(1);
    expect(check.stdout).toContain("directives/unknown-directive");
    const lib = spawnSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        'import { lint } from "unitlint"; console.log(lint([{ path: "a.service", text: "[Servce]\\n" }]).findings.map((f) => f.rule).join(" "))',
      ],
      { cwd: app, encoding: "utf8" },
    );
    expect(lib.stdout.trim().split(" ")).toContain("syntax/unknown-section");
  }, 180_000);
});
