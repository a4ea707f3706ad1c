import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBin, run, project } from "../helpers/cli.js";

beforeAll(() => ensureBin(), 120_000);

type Row = { file: string; rule: string; severity: string; line: number };
const rows = (stdout: string) => (JSON.parse(stdout) as Row[]).map((f) => `${f.file} ${f.rule} ${f.severity}`);

describe("unitlint check with a config file", () => {
  let dir: string;
  beforeAll(() => {
    dir = project({
      "unitlint.config.json": JSON.stringify({
        rules: { "directives/unknown-directive": "warning" },
        externalUnits: ["redis.service"],
        ignore: ["legacy/**"],
        overrides: [{ files: ["etc/systemd/user/**"], rules: { "directives/unknown-directive": "off" } }],
      }),
      "etc/systemd/a.service": "[Unit]\nWants=redis.service\n[Service]\nExecStart=/bin/a\nFoo=1\n",
      "etc/systemd/user/b.service": "[Service]\nExecStart=/bin/b\nBar=1\n",
      "legacy/c.service": "[Unit\n",
    });
  });

  it("is found upward, applies severities, externals, ignores and per-path overrides", () => {
    const r = run(["check", "--format", "json", "."], { cwd: join(dir, "etc") });
    expect(r.code).toBe(0);
    expect(rows(r.stdout)).toEqual(["systemd/a.service directives/unknown-directive warning"]);
    const all = run(["check", "--format", "json"], { cwd: dir });
    expect(rows(all.stdout).some((f) => f.startsWith("legacy"))).toBe(false);
  });

  it("an ignored file given by name is not checked either", () => {
    const r = run(["check", "--format", "json", "legacy/c.service"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(rows(r.stdout)).toEqual([]);
  });

  it("--no-config and --rule win; --print-config shows the effective settings", () => {
    const r = run(["check", "--no-config", "--format", "json", "etc"], { cwd: dir });
    expect(rows(r.stdout).filter((f) => f.includes("directives/unknown-directive"))).toHaveLength(2);
    const cli = run(["check", "--rule", "directives/unknown-directive=error", "--format", "json", "etc"], { cwd: dir });
    expect(rows(cli.stdout).filter((f) => f.endsWith("directives/unknown-directive error"))).toHaveLength(2);
    expect(cli.code).toBe(1);
    const p = JSON.parse(run(["check", "--print-config", "etc/systemd/user/b.service"], { cwd: dir }).stdout);
    expect(p).toMatchObject({ file: "etc/systemd/user/b.service", ignored: false, presets: ["recommended"] });
    expect(p.configFile).toMatch(/unitlint\.config\.json$/);
    expect(p.rules["directives/unknown-directive"]).toBe("off");
    expect(p.settings.externalUnits).toEqual(["redis.service"]);
    expect(JSON.parse(run(["check", "--print-config", "legacy/c.service"], { cwd: dir }).stdout).ignored).toBe(true);
  });

  it("a broken config is exit 2 with file:line:col, before anything is checked", () => {
    writeFileSync(join(dir, "bad.json"), '{\n  "rulez": 1,\n  "mode": "both"\n}');
    const r = run(["check", "-c", "bad.json", "etc"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "unitlint: bad.json:2:3: unknown key 'rulez' (allowed: preset, rules, targetSystemd, mode, externalUnits, ignore, overrides)\n" +
        'unitlint: bad.json:3:11: mode must be "system" or "user", not "both"\n',
    );
    expect(r.stdout).toBe("");
  });

  it("a .unitlintrc.json nearer to a file wins over a config further up", () => {
    const d = project({
      "unitlint.config.json": JSON.stringify({ rules: { "directives/unknown-directive": "warning" } }),
      "sub/.unitlintrc.json": JSON.stringify({ rules: { "directives/unknown-directive": "off" } }),
      "a.service": "[Service]\nExecStart=/bin/a\nFoo=1\n",
      "sub/b.service": "[Service]\nExecStart=/bin/b\nFoo=1\n",
    });
    expect(rows(run(["check", "--format", "json", "."], { cwd: d }).stdout)).toEqual(["a.service directives/unknown-directive warning"]);
  });
});

describe("per-path overrides of mode and target", () => {
  const INSTALL = "[Service]\nExecStart=/bin/w\nProtectProc=invisible\n\n[Install]\nWantedBy=multi-user.target\n";
  let dir: string;
  beforeAll(() => {
    dir = project({
      "unitlint.config.json": JSON.stringify({
        overrides: [
          { files: "units/usr/**", mode: "user" },
          { files: "units/old/**", targetSystemd: 245 },
        ],
      }),
      "units/sys/a.service": INSTALL,
      "units/usr/b.service": INSTALL,
      "units/old/c.service": INSTALL,
    });
  });

  it("apply to the matching files only, in one run over the whole folder", () => {
    const r = run(["check", "--format", "json", "units"], { cwd: dir });
    const found = rows(r.stdout).filter((f) => /system-target-in-user-unit|newer-than-target/.test(f));
    expect(found).toEqual(["units/old/c.service directives/newer-than-target error", "units/usr/b.service install/system-target-in-user-unit error"]);
  });

  it("the command line still wins (--user for every file)", () => {
    const r = run(["check", "--user", "--format", "json", "units"], { cwd: dir });
    expect(rows(r.stdout).filter((f) => f.includes("system-target-in-user-unit"))).toHaveLength(3);
  });
});

describe("--fix and per-path severities", () => {
  it("does not apply the fixes of a rule that an override turns off for that file", () => {
    const text = "[Service]\nRestartsec=5\nExecStart=/bin/a\n";
    const dir = project({
      "unitlint.config.json": JSON.stringify({ overrides: [{ files: "vendor/**", rules: { "directives/unknown-directive": "off" } }] }),
      "mine/a.service": text,
      "vendor/b.service": text,
    });
    run(["check", "--fix", "."], { cwd: dir });
    expect(readFileSync(join(dir, "mine", "a.service"), "utf8")).toContain("RestartSec=5");
    expect(readFileSync(join(dir, "vendor", "b.service"), "utf8")).toBe(text);
  });
});
