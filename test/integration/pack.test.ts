import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, tempDir } from "../helpers/cli.js";

// npm pack, then install the tarball into an empty project from npm's cache only (--offline: no network;
// the cache holds the dependencies since `npm ci` ran), and run the installed bin.
describe("the npm package", () => {
  it("installs from its tarball and runs `unitlint --version` and a check", () => {
    const dir = tempDir("unitlint-pack-");
    execFileSync("npm", ["pack", "--silent", "--ignore-scripts", "--pack-destination", dir], { cwd: ROOT, stdio: "ignore" });
    const tgz = readdirSync(dir).find((f) => f.endsWith(".tgz"))!;
    const app = join(dir, "app");
    execFileSync("mkdir", ["-p", app]);
    writeFileSync(join(app, "package.json"), '{ "name": "app", "private": true }');
    const install = spawnSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", join(dir, tgz)], { cwd: app, encoding: "utf8" });
    expect(install.status, install.stderr).toBe(0);
    const bin = join(app, "node_modules", ".bin", "unitlint");
    expect(spawnSync(bin, ["--version"], { encoding: "utf8" }).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    writeFileSync(join(app, "x.service"), "[Service]\nRestartsec=5\nExecStart=/bin/true\n");
    const check = spawnSync(bin, ["check", "x.service"], { cwd: app, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(check.status).toBe(1);
    expect(check.stdout).toContain("directives/unknown-directive");
    const lib = spawnSync(process.execPath, ["--input-type=module", "-e", 'import { lint } from "unitlint"; console.log(lint([{ path: "a.service", text: "[Servce]\\n" }]).findings[0].rule)'], { cwd: app, encoding: "utf8" });
    expect(lib.stdout.trim()).toBe("syntax/unknown-section");
  }, 180_000);
});
