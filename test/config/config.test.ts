import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emptyConfig, FileConfigs, fileSettings, isIgnored, parseConfig, type CommandLineSettings } from "../../src/config/config.js";
import { ResolvedConfig } from "../../src/linter/configs.js";
import { rulesById } from "../../src/rules/registry.js";
import { schemaText } from "../../scripts/gen-rule-docs.js";
import { ROOT } from "../helpers/cli.js";

const SCHEMA_PATH = join(ROOT, "schema", "unitlint.schema.json");
const schema = JSON.parse(readFileSync(SCHEMA_PATH, "utf8"));
const validate = new Ajv({ strict: false }).compile(schema);
const errorsOf = (text: string) => parseConfig(text).errors.map((e) => `${e.line}:${e.column} ${e.message}`);

describe("rule options", () => {
  it("are checked against what each rule declares, with the position of the bad part", () => {
    expect(errorsOf('{"rules": {"hardening/exposure": ["warning", {"threshold": 7.5}]}}')).toEqual([]);
    expect(errorsOf('{"rules": {"hardening/exposure": ["warning", {"threshold": 11}]}}')).toEqual([
      "1:60 hardening/exposure: option 'threshold' must be a number from 0 to 10",
    ]);
    expect(errorsOf('{"rules": {"hardening/exposure": ["warning", {"limit": 5}]}}')).toEqual([
      "1:47 hardening/exposure has no option 'limit' (its options: threshold)",
    ]);
    expect(errorsOf('{"rules": {"exec/shell-syntax": ["warning", {"x": 1}]}}')).toEqual(["1:46 exec/shell-syntax takes no options"]);
    expect(errorsOf('{"rules": {"crontab/unknown-user": ["warning", {"users": ["root", 1]}]}}')).toEqual([
      "1:58 crontab/unknown-user: option 'users' must be a list of strings",
    ]);
  });

  it("appear in the schema, which accepts good options and refuses bad ones", () => {
    expect(validate({ rules: { "hardening/exposure": ["warning", { threshold: 7.5 }] } })).toBe(true);
    expect(validate({ rules: { "hardening/exposure": ["warning", { threshold: 11 }] } })).toBe(false);
    expect(validate({ rules: { "hardening/exposure": ["warning", { limit: 1 }] } })).toBe(false);
  });
});

describe("parseConfig", () => {
  it("reads presets, rules with options, targets, mode, externals, ignores and overrides", () => {
    const { config, errors } = parseConfig(
      JSON.stringify({
        $schema: "./node_modules/unitlint/schema/unitlint.schema.json",
        preset: ["strict"],
        rules: { "dependencies/unknown-unit": "off", "calendar/schedule-warning": ["warning", { timezone: "Europe/Berlin" }], "exec/shell-syntax": ["info"] },
        targetSystemd: [247, 252],
        mode: "user",
        externalUnits: ["redis.service", "getty@tty1.service"],
        ignore: "legacy/**",
        overrides: [{ files: "etc/**", rules: { "exec/shell-syntax": "warning" }, mode: "system", targetSystemd: 252 }],
      }),
    );
    expect(errors).toEqual([]);
    expect(config).toEqual({
      presets: ["recommended", "strict"],
      rules: { "dependencies/unknown-unit": "off", "calendar/schedule-warning": "warning", "exec/shell-syntax": "info" },
      ruleOptions: { "calendar/schedule-warning": { timezone: "Europe/Berlin" } },
      targetSystemd: [247, 252],
      mode: "user",
      externalUnits: ["redis.service", "getty@tty1.service"],
      ignore: ["legacy/**"],
      overrides: [{ files: ["etc/**"], rules: { "exec/shell-syntax": "warning" }, mode: "system", targetSystemd: [252] }],
    });
  });

  it("reports every bad key and value at its own line and column", () => {
    const text = [
      "{",
      '  "rulez": {},',
      '  "rules": { "nope/x": "error", "syntax/invalid-line": "loud", "exec/shell-syntax": ["warning", 3] },',
      '  "mode": "both",',
      '  "targetSystemd": [252, "253", 25],',
      '  "preset": ["strict", "paranoid"],',
      '  "externalUnits": ["redis", 1],',
      '  "overrides": [{ "rules": {} }, { "files": [], "mood": "user" }, 7],',
      '  "mode": "user"',
      "}",
    ].join("\n");
    expect(errorsOf(text)).toEqual([
      "2:3 unknown key 'rulez' (allowed: preset, rules, targetSystemd, mode, externalUnits, ignore, overrides)",
      "3:14 unknown rule 'nope/x' (see 'unitlint rules')",
      "3:56 the severity of syntax/invalid-line must be one of off, info, warning, error",
      "3:97 the options of exec/shell-syntax must be an object",
      '4:11 mode must be "system" or "user", not "both"',
      '5:26 targetSystemd takes systemd versions such as 252 or [247, 252], not "253"',
      "5:33 targetSystemd takes systemd versions such as 252 or [247, 252], not 25",
      "6:24 unknown preset 'paranoid' (choose from recommended, strict, hardening)",
      "7:21 'redis' is not a unit name such as redis.service",
      "7:30 externalUnits must be strings",
      "8:17 an override needs 'files': the globs it applies to",
      "8:45 'files' must list at least one glob",
      "8:49 unknown key 'mood' in an override (allowed: files, rules, mode, targetSystemd)",
      "8:67 each override must be an object",
      "9:3 'mode' is given twice",
    ]);
  });

  it("reports broken JSON at the spot, and a non-object root", () => {
    expect(errorsOf('{\n  "rules": {,\n}')).toEqual([expect.stringMatching(/^2:13 not valid JSON: /)]);
    expect(errorsOf("[]")).toEqual(["1:1 the configuration must be a JSON object"]);
  });

  it("rule options are top-level only", () => {
    expect(errorsOf('{ "overrides": [{ "files": "a", "rules": { "exec/shell-syntax": ["warning", {}] } }] }')).toEqual([
      "1:77 rule options belong in the top-level rules, not in an override",
    ]);
  });
});

describe("per-file settings", () => {
  const { config } = parseConfig(
    JSON.stringify({
      rules: { "exec/shell-syntax": "error" },
      targetSystemd: 252,
      ignore: ["legacy/**", "**/*.bak.service"],
      overrides: [
        { files: "user/**", mode: "user", rules: { "exec/shell-syntax": "off" } },
        { files: ["user/old/**"], targetSystemd: [247], rules: { "exec/shell-syntax": "info" } },
      ],
    }),
  );
  const shell = rulesById.get("exec/shell-syntax")!;
  const severityFor = (rel: string, cli?: CommandLineSettings) => new ResolvedConfig(new FileConfigs(cli).for(config, rel)).severity(shell);

  it("later overrides win over earlier ones and over the top level; the command line wins over all", () => {
    expect(fileSettings(config, "system/a.service")).toEqual({ rules: { "exec/shell-syntax": "error" }, targetSystemd: [252] });
    expect(fileSettings(config, "user/a.service")).toEqual({ rules: { "exec/shell-syntax": "off" }, targetSystemd: [252], mode: "user" });
    expect(fileSettings(config, "user/old/a.service")).toEqual({ rules: { "exec/shell-syntax": "info" }, targetSystemd: [247], mode: "user" });
    expect(severityFor("user/a.service")).toBe("off");
    expect(severityFor("user/a.service", { rules: { "exec/shell-syntax": "warning" } })).toBe("warning");
    expect(new FileConfigs().for(config, "user/old/x.service").settings).toMatchObject({ mode: "user", targetSystemd: [247] });
    expect(new FileConfigs({ mode: "system", targetSystemd: [250] }).for(config, "user/old/x.service").settings).toMatchObject({
      mode: "system",
      targetSystemd: [250],
    });
  });

  it("ignore globs match dot files and nested folders, relative to the config", () => {
    expect(isIgnored(config, "legacy/a.service")).toBe(true);
    expect(isIgnored(config, "legacy/.hidden/a.service")).toBe(true);
    expect(isIgnored(config, "x/y/a.bak.service")).toBe(true);
    expect(isIgnored(config, "x/legacy/a.service")).toBe(false);
    expect(isIgnored(emptyConfig(), "a.service")).toBe(false);
  });
});

describe("the published JSON Schema", () => {
  it("equals a fresh generation from the rule registry (run `npm run docs:rules`)", () => {
    expect(readFileSync(SCHEMA_PATH, "utf8")).toBe(schemaText());
  });

  it("lists every rule id, so editors complete them", () => {
    expect(Object.keys(schema.definitions.rules.properties).sort()).toEqual([...rulesById.keys()].sort());
  });

  // Configs built from valid parts and typical mistakes (about one in ten); the schema and parseConfig must agree on each.
  const mostly = <T, U>(ok: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) => fc.oneof({ arbitrary: ok, weight: 12 }, { arbitrary: bad, weight: 1 });
  const ruleId = mostly(fc.constantFrom(...[...rulesById.keys()].slice(0, 8), "exec/shell-syntax"), fc.constant("nope/x"));
  const severity = mostly(fc.constantFrom("off", "info", "warning", "error"), fc.constantFrom("loud", ""));
  const options = mostly(fc.constantFrom({}, { a: 1 }), fc.constantFrom(3, "x", null));
  const setting = mostly(fc.oneof(severity, fc.tuple(severity), fc.tuple(severity, options)), fc.constantFrom([], ["warning", {}, {}], 2));
  const strList = <T>(item: fc.Arbitrary<T>) => mostly(fc.oneof(item, fc.array(item, { maxLength: 3 })), fc.constantFrom(5, {}));
  const version = mostly(fc.constantFrom(100, 252, 999), fc.constantFrom(99, 1000, 252.5, -1, "252"));
  const versions = fc.oneof(version, fc.array(version, { maxLength: 3 }));
  const mode = mostly(fc.constantFrom("system", "user"), fc.constantFrom("both", 1));
  const unitName = mostly(fc.constantFrom("redis.service", "a@b.timer", "x-y.mount"), fc.constantFrom("redis", "", "x.conf", 3));
  const glob = mostly(fc.constantFrom("a/**", "*.service"), fc.constantFrom("", 4));
  const rules = mostly(fc.dictionary(ruleId, setting, { maxKeys: 3 }), fc.constant([]));
  const overrideSetting = mostly(fc.oneof(severity, fc.tuple(severity)), fc.tuple(severity, fc.constant({})));
  const override = mostly(
    fc.record(
      {
        files: mostly(fc.oneof(glob, fc.array(glob, { minLength: 1, maxLength: 2 })), fc.constant([])),
        rules: fc.dictionary(ruleId, overrideSetting, { maxKeys: 2 }),
        mode,
        targetSystemd: versions,
      },
      { requiredKeys: ["files"] },
    ),
    fc.constantFrom(3, { mode: "user" }, { files: "a", mood: "x" }),
  );
  const config = fc
    .record(
      {
        $schema: mostly(fc.constant("./schema.json"), fc.constant(4)),
        preset: strList(mostly(fc.constantFrom("recommended", "strict", "hardening"), fc.constantFrom("paranoid", 1))),
        rules,
        targetSystemd: versions,
        mode,
        externalUnits: strList(unitName),
        ignore: strList(glob),
        overrides: mostly(fc.array(override, { maxLength: 2 }), fc.constant({})),
        extra: fc.constant(true),
      },
      { requiredKeys: [] },
    )
    .map((c) => {
      // an unknown top-level key only now and then
      if ("extra" in c && Math.abs(JSON.stringify(c).length % 7) !== 0) delete (c as { extra?: boolean }).extra;
      return c;
    });

  it("accepts exactly what parseConfig accepts (property)", () => {
    let accepted = 0;
    fc.assert(
      fc.property(config, (c) => {
        const text = JSON.stringify(c, null, 2);
        const schemaSays = validate(JSON.parse(text)) as boolean;
        const parserSays = parseConfig(text).errors.length === 0;
        expect({ text, schemaSays }).toEqual({ text, schemaSays: parserSays });
        if (parserSays) accepted++;
      }),
      { numRuns: 1500 },
    );
    // both verdicts must be exercised, or the property proves little
    expect(accepted).toBeGreaterThan(30);
    expect(accepted).toBeLessThan(1470);
  });
});
