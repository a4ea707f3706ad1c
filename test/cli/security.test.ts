import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBin, run } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "unitlint-security-cli-"));
const bare = join(dir, "bare.service");
const hardened = join(dir, "hard.service");

beforeAll(() => {
  ensureBin();
  writeFileSync(bare, "[Service]\nExecStart=/usr/bin/app\n");
  writeFileSync(hardened, "[Service]\nExecStart=/usr/bin/app\nDynamicUser=yes\nPrivateDevices=yes\nPrivateNetwork=yes\n");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("unitlint security", () => {
  it("prints the exposed checks worst first and the overall line", () => {
    const r = run(["security", bare]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^ {2}NAME +DESCRIPTION +EXPOSURE$/);
    expect(lines[1]).toMatch(/^✗ PrivateNetwork= +Has full network access +0\.5$/);
    expect(lines[2]).toMatch(/^✗ User=\/DynamicUser= +Runs as root +0\.4$/);
    expect(lines.at(-1)).toBe("→ Overall exposure level for bare.service: 9.6 UNSAFE 😨");
    expect(r.stdout).not.toContain("✓");
    expect(run(["security", "--all", bare]).stdout).toContain("✓ KeyringMode=");
  });

  it("--format json has unit, exposure, rating and every check; drop-ins beside the unit are applied", () => {
    mkdirSync(join(dir, "bare.service.d"), { recursive: true });
    writeFileSync(join(dir, "bare.service.d", "user.conf"), "[Service]\nUser=app\n");
    try {
      const r = run(["security", "--format", "json", bare]);
      const [rep] = JSON.parse(r.stdout);
      expect(rep.unit).toBe("bare.service");
      expect(rep.rating).toBe("UNSAFE");
      expect(rep.exposure).toBe(9.2);
      expect(rep.checks).toHaveLength(81);
      expect(rep.checks.find((c: { id: string }) => c.id === "User=/DynamicUser=").set).toBe(true);
    } finally {
      rmSync(join(dir, "bare.service.d"), { recursive: true });
    }
  });

  it("--threshold fails units above it with exit 1; bad values are usage errors", () => {
    expect(run(["security", "--threshold", "9.5", bare]).code).toBe(1);
    expect(run(["security", "--threshold", "9.6", bare]).code).toBe(0);
    const bad = run(["security", "--threshold", "high", bare]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--threshold: expected a score from 0.0 to 10.0");
  });

  it("--baseline shows per unit what got better or worse", () => {
    const base = join(dir, "base.json");
    writeFileSync(base, run(["security", "--format", "json", bare, hardened]).stdout);
    const edited = join(dir, "edit");
    mkdirSync(edited);
    writeFileSync(join(edited, "bare.service"), "[Service]\nExecStart=/usr/bin/app\nPrivateTmp=yes\n");
    writeFileSync(join(edited, "hard.service"), "[Service]\nExecStart=/usr/bin/app\nDynamicUser=yes\nPrivateDevices=yes\n");
    const r = run(["security", "--baseline", base, edited]);
    expect(r.stdout).toContain("bare.service: 9.6 → 9.4 (better by 0.2)\n  better: PrivateTmp=");
    expect(r.stdout).toMatch(/hard\.service: \d\.\d → \d\.\d \(worse by \d\.\d\)\n {2}worse: {2}PrivateNetwork=/);
    const missing = run(["security", "--baseline", join(dir, "nope.json"), bare]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no such file");
  });

  it("input errors exit 2 with the path named; timers alone have nothing to assess", () => {
    const r = run(["security", join(dir, "missing.service")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("missing.service");
    writeFileSync(join(dir, "t.timer"), "[Timer]\nOnCalendar=daily\n");
    const t = run(["security", join(dir, "t.timer")]);
    expect(t.code).toBe(2);
    expect(t.stderr).toContain("no service, socket, mount or swap units");
  });
});

describe("unitlint harden", () => {
  it("prints the drop-in on stdout and the before/after on stderr; writes nothing", () => {
    const r = run(["harden", bare]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Hardening for bare\.service/);
    expect(r.stderr).toMatch(/^bare\.service: exposure 9\.6 UNSAFE -> [0-4]\.\d \w+\n$/);
    expect(existsSync(join(dir, "bare.service.d"))).toBe(false);
  });

  it("--write creates UNIT.d/hardening.conf, never touches the unit, refuses to overwrite without --force", () => {
    const w = mkdtempSync(join(dir, "w-"));
    const unit = join(w, "app.service");
    const text = "[Service]\nExecStart=/usr/bin/app\n";
    writeFileSync(unit, text);
    const r = run(["harden", "--write", "--target", "6.0", unit]);
    expect(r.code).toBe(0);
    const conf = join(w, "app.service.d", "hardening.conf");
    expect(readFileSync(conf, "utf8")).toContain("(target 6.0)");
    expect(readFileSync(unit, "utf8")).toBe(text);
    const sec = run(["security", "--format", "json", unit]);
    expect(JSON.parse(sec.stdout)[0].exposure).toBeLessThanOrEqual(6);
    writeFileSync(conf, "# mine\n");
    const again = run(["harden", "--write", unit]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("exists; not overwritten");
    expect(readFileSync(conf, "utf8")).toBe("# mine\n");
    expect(run(["harden", "--write", "--force", unit]).code).toBe(0);
    expect(readFileSync(conf, "utf8")).toContain("# Hardening for app.service");
  });

  it("a bad --target is a usage error naming the flag", () => {
    const r = run(["harden", "--target", "abc", bare]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("unitlint: --target: expected a score from 0.0 to 10.0, got 'abc'\n");
  });

  it("exit 1 when the target cannot be reached", () => {
    const r = run(["harden", "--target", "0", bare]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("not reached");
  });
});
