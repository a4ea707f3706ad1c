import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import Ajv from "ajv";
import { beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/config.js";
import { ensureBin, run, tempDir } from "../helpers/cli.js";

const require = createRequire(import.meta.url);

describe("config files", () => {
  it("parse presets, rules with options, targets, mode, externals, ignores and overrides", () => {
    const { config, errors } = parseConfig(
      JSON.stringify({
        preset: ["strict"],
        rules: { "dependencies/unknown-unit": "off", "calendar/schedule-warning": ["warning", { timezone: "Europe/Berlin" }] },
        targetSystemd: [247, 252],
        mode: "user",
        externalUnits: ["redis.service"],
        ignore: ["legacy/**"],
        overrides: [{ files: ["etc/**"], rules: { "exec/shell-syntax": "warning" } }],
      }),
    );
    expect(errors).toEqual([]);
    expect(config).toMatchObject({
      presets: ["recommended", "strict"],
      rules: { "dependencies/unknown-unit": "off", "calendar/schedule-warning": "warning" },
      ruleOptions: { "calendar/schedule-warning": { timezone: "Europe/Berlin" } },
      targetSystemd: [247, 252],
      mode: "user",
      externalUnits: ["redis.service"],
      ignore: ["legacy/**"],
    });
  });

  it("report every bad key and value with its line and column", () => {
    const { errors } = parseConfig('{\n  "rulez": {},\n  "rules": { "nope/x": "error", "syntax/invalid-line": "loud" },\n  "mode": "both",\n  "targetSystemd": "252"\n}');
    expect(errors.map((e) => `${e.line}:${e.column} ${e.message.split(" (")[0]}`)).toEqual([
      "2:3 unknown key 'rulez'",
      "3:14 unknown rule 'nope/x'",
      "3:56 the severity of syntax/invalid-line must be one of off, info, warning, error",
      '4:11 mode must be "system" or "user"',
      "5:20 targetSystemd takes systemd versions such as 252 or [247, 252]",
    ]);
    expect(parseConfig("{ not json").errors[0]!.message).toMatch(/^not valid JSON/);
  });

  it("the published JSON Schema accepts a full config and rejects unknown keys", () => {
    const schema = require("../../schema/unitlint.schema.json");
    const ajv = new Ajv({ strict: false });
    const validate = ajv.compile(schema);
    expect(validate({ preset: "hardening", rules: { "x/y": ["warning", {}] }, targetSystemd: 252, overrides: [{ files: ["a"], mode: "user" }] })).toBe(true);
    expect(validate({ rulez: {} })).toBe(false);
  });
});

describe("unitlint check with a config file", () => {
  let dir: string;
  beforeAll(() => {
    ensureBin();
    dir = tempDir();
    mkdirSync(join(dir, "etc", "systemd", "user"), { recursive: true });
    mkdirSync(join(dir, "legacy"), { recursive: true });
    writeFileSync(
      join(dir, "unitlint.config.json"),
      JSON.stringify({
        rules: { "directives/unknown-directive": "warning" },
        externalUnits: ["redis.service"],
        ignore: ["legacy/**"],
        overrides: [{ files: ["etc/systemd/user/**"], rules: { "directives/unknown-directive": "off" } }],
      }),
    );
    writeFileSync(join(dir, "etc", "systemd", "a.service"), "[Unit]\nWants=redis.service\n[Service]\nExecStart=/bin/a\nFoo=1\n");
    writeFileSync(join(dir, "etc", "systemd", "user", "b.service"), "[Service]\nExecStart=/bin/b\nBar=1\n");
    writeFileSync(join(dir, "legacy", "c.service"), "[Unit\n");
  });

  it("is found upward, applies severities, externals, ignores and per-path overrides", () => {
    const r = run(["check", "--format", "json", "."], { cwd: join(dir, "etc") });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).map((f: { file: string; rule: string; severity: string }) => `${f.file} ${f.rule} ${f.severity}`)).toEqual([
      "systemd/a.service directives/unknown-directive warning",
    ]);
    const all = run(["check", "--format", "json"], { cwd: dir });
    expect(JSON.parse(all.stdout).some((f: { file: string }) => f.file.startsWith("legacy"))).toBe(false);
  });

  it("--no-config and --rule win; --print-config shows the effective settings", () => {
    const r = run(["check", "--no-config", "--format", "json", "etc"], { cwd: dir });
    expect(JSON.parse(r.stdout).filter((f: { rule: string }) => f.rule === "directives/unknown-directive")).toHaveLength(2);
    const p = JSON.parse(run(["check", "--print-config", "etc/systemd/user/b.service"], { cwd: dir }).stdout);
    expect(p.rules["directives/unknown-directive"]).toBe("off");
    expect(p.settings.externalUnits).toEqual(["redis.service"]);
  });

  it("a broken config is exit 2 with file:line:col", () => {
    writeFileSync(join(dir, "bad.json"), '{\n  "rulez": 1\n}');
    const r = run(["check", "-c", "bad.json", "etc"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.json:2:3: unknown key 'rulez'/);
  });
});
