import { describe, expect, it } from "vitest";
import type { FileConfig } from "../../src/linter/configs.js";
import { lintProject } from "../../src/linter/project.js";
import { defineRule, type Rule } from "../../src/rules/types.js";

// The linter honours each file's configuration itself (no second severity pass, no lint per override).

const meta = (id: string): Rule["meta"] => ({
  id,
  family: "syntax",
  severity: "warning",
  fixable: "none",
  messages: { m: "{what}" },
  docs: { summary: "", rationale: "", bad: { filename: "a.service", text: "" }, good: { filename: "a.service", text: "" } },
});

/** Reports, in every file, the mode its rule saw: once from a file rule, once from a unit rule, once per set-rule run. */
const probes: Rule[] = [
  defineRule({
    meta: meta("test/file"),
    checkFile: (ctx) => ctx.report({ messageId: "m", data: { what: `file ${ctx.settings.mode}` }, file: ctx.file, range: { start: 0, end: 1 } }),
  }),
  defineRule({
    meta: meta("test/unit"),
    checkUnit: (ctx) => ctx.report({ messageId: "m", data: { what: `unit ${ctx.settings.mode}` }, file: ctx.unit.files[0]!, range: { start: 0, end: 1 } }),
  }),
  defineRule({
    meta: meta("test/set"),
    checkSet: (ctx) => {
      for (const f of ctx.set.files) ctx.report({ messageId: "m", data: { what: `set ${ctx.settings.mode}` }, file: f, range: { start: 0, end: 1 } });
    },
  }),
];

const sources = ["a.service", "user/b.service", "user/c.service"].map((path) => ({ path, text: "[Service]\nExecStart=/bin/true\n" }));
const system: FileConfig = { settings: { mode: "system" } };
const user: FileConfig = { settings: { mode: "user" }, rules: { "test/unit": "off", "test/set": "error" } };
const configFor = (path: string) => (path.startsWith("user/") ? user : system);

describe("per-file configuration", () => {
  const { findings } = lintProject(sources, { ruleSet: probes, configFor });
  const seen = (file: string) => findings.filter((f) => f.file === file).map((f) => `${f.rule} ${f.severity} ${f.message}`);

  it("each file's rules see its own settings, and each finding has its own file's severity", () => {
    expect(seen("a.service")).toEqual(["test/file warning file system", "test/set warning set system", "test/unit warning unit system"]);
    expect(seen("user/b.service")).toEqual(["test/file warning file user", "test/set error set user"]);
    expect(seen("user/c.service")).toEqual(seen("user/b.service"));
  });

  it("runs set rules once per distinct settings, each keeping its own files' findings", () => {
    expect(findings.filter((f) => f.rule === "test/set")).toHaveLength(3);
  });

  it("without configFor every file has the run's own configuration", () => {
    const r = lintProject(sources, { ruleSet: probes, settings: { mode: "user" }, rules: { "test/set": "off" } });
    expect(new Set(r.findings.map((f) => f.message))).toEqual(new Set(["file user", "unit user"]));
  });
});

describe("fixing", () => {
  it("returns the fixed texts and the findings left in them, from the last round's lint", () => {
    const text = "[Service]\nExecStart=/usr/bin/app\nRestartsec=5\nStandardOutput=syslog\n";
    const r = lintProject([{ path: "app.service", text }], { fix: { files: new Set(["app.service"]) } });
    expect(r.fixed?.changed.get("app.service")).toBe("[Service]\nExecStart=/usr/bin/app\nRestartSec=5\nStandardOutput=journal\n");
    expect(r.fixed?.converged).toBe(true);
    expect(r.fixed?.applied.get("app.service")).toBe(2);
    expect(r.findings.filter((f) => f.fix?.safe)).toEqual([]);
    expect(r.files[0]!.source.text).toBe(r.fixed?.changed.get("app.service"));
  });

  it("leaves files outside `files` alone", () => {
    const text = "[Service]\nExecStart=/usr/bin/app\nRestartsec=5\n";
    const r = lintProject([{ path: "app.service", text }], { fix: { files: new Set() } });
    expect(r.fixed?.changed.size).toBe(0);
    expect(r.findings.map((f) => f.rule)).toContain("directives/unknown-directive");
  });
});
