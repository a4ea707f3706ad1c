import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBin, ROOT } from "../helpers/cli.js";

beforeAll(() => ensureBin());

describe("npm start (scripts/demo.mjs)", () => {
  it("lints the examples, prints next elapses of their timers and the services' exposure, and exits 0", () => {
    const r = spawnSync(process.execPath, [join(ROOT, "scripts", "demo.mjs")], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("$ unitlint check examples");
    expect(r.stdout).toMatch(/\$ unitlint next -n 3 "[^"]+" {4}# examples\//);
    expect(r.stdout).toMatch(/→ Overall exposure level for sidekiq\.service: 9\.2 UNSAFE/);
    expect(r.stdout).toContain("# Hardening for sidekiq.service");
  });
});
