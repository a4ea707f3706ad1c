import { describe, expect, it } from "vitest";
import { lintSources, type LintSource } from "../../src/linter/lint.js";
import { allRules } from "../../src/rules/registry.js";
import { defineRule, type Rule } from "../../src/rules/types.js";

// A context source (check's other units of a staged file's folder) completes the set: the unit and set
// rules see it, its own file rules do not run (nothing of them would be reported).
describe("context sources", () => {
  const meta = { ...allRules[0]!.meta, unitTypes: undefined, severity: "warning" as const, messages: { m: "seen" } };
  let fileRuns: string[] = [];
  let unitRuns: string[] = [];
  const probes: Rule[] = [
    defineRule({ meta: { ...meta, id: "test/file-probe" }, checkFile: (ctx) => void fileRuns.push(ctx.file.path) }),
    defineRule({ meta: { ...meta, id: "test/unit-probe" }, checkUnit: (ctx) => void unitRuns.push(ctx.unit.name.name) }),
  ];
  const sources: LintSource[] = [
    { path: "app.timer", text: "[Timer]\nOnCalendar=daily\n[Install]\nWantedBy=timers.target\n" },
    { path: "app.service", text: "[Service]\nType=oneshot\nExecStart=/usr/bin/app\nRestartsec=5\n", context: true },
  ];

  it("runs file rules on the checked files only, unit rules on every unit", () => {
    [fileRuns, unitRuns] = [[], []];
    lintSources(sources, { ruleSet: [...allRules, ...probes] });
    expect(fileRuns).toEqual(["app.timer"]);
    expect(unitRuns.sort()).toEqual(["app.service", "app.timer"]);
  });

  it("finds in the checked files what it finds when every file is checked", () => {
    const inTimer = (all: LintSource[]) => JSON.stringify(lintSources(all).findings.filter((f) => f.file === "app.timer"));
    expect(inTimer(sources)).toBe(inTimer(sources.map((s) => ({ ...s, context: false }))));
    // the context file's own problem (a misspelt setting, a file rule's finding) is not looked for
    const inService = lintSources(sources)
      .findings.filter((f) => f.file === "app.service")
      .map((f) => f.rule);
    expect(inService).not.toContain("directives/unknown-directive");
    expect(lintSources(sources.map((s) => ({ ...s, context: false }))).findings.map((f) => f.rule)).toContain("directives/unknown-directive");
  });
});
