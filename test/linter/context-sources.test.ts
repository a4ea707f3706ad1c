import { describe, expect, it } from "vitest";
import { lintSources, type LintSource } from "../../src/linter/lint.js";
import { allRules } from "../../src/rules/registry.js";
import { defineRule, type Rule } from "../../src/rules/types.js";

// A context source (check's other units of a staged file's folder) completes the set. Its own file rules do not run,
// nor, on a unit of context files only, the unit rules that report in their unit's files only: none of that would
// be reported. Rules that report in other units' files (reportsInOtherUnits) and set rules still see every unit.
describe("context sources", () => {
  const meta = { ...allRules[0]!.meta, unitTypes: undefined, severity: "warning" as const, messages: { m: "seen" } };
  let runs: string[] = [];
  const probes: Rule[] = [
    defineRule({ meta: { ...meta, id: "test/file-probe" }, checkFile: (ctx) => void runs.push(`file ${ctx.file.path}`) }),
    defineRule({ meta: { ...meta, id: "test/unit-probe" }, checkUnit: (ctx) => void runs.push(`unit ${ctx.unit.name.name}`) }),
    defineRule({
      meta: { ...meta, id: "test/pointing-probe", reportsInOtherUnits: true },
      checkUnit: (ctx) => void runs.push(`pointing ${ctx.unit.name.name}`),
    }),
  ];
  const timer: LintSource = { path: "app.timer", text: "[Timer]\nOnCalendar=daily\nRestartsec=5\n[Install]\nWantedBy=timers.target\n" };
  const service: LintSource = { path: "app.service", text: "[Service]\nType=oneshot\nExecStart=/usr/bin/app\n[Install]\nWantedBy=multi-user.target\n" };

  it("runs a context unit's rules only where they may report in other units' files", () => {
    runs = [];
    lintSources([timer, { ...service, context: true }], { ruleSet: [...allRules, ...probes] });
    expect(runs.sort()).toEqual(["file app.timer", "pointing app.service", "pointing app.timer", "unit app.timer"]);
  });

  it("finds in the checked files what it finds when every file is checked", () => {
    const all = lintSources([timer, service]).findings;
    const inFile = (path: string, findings: typeof all) => JSON.stringify(findings.filter((f) => f.file === path));
    // the service staged alone: the timer's check reports that the service is enabled too (in the service's file)
    const serviceOnly = lintSources([{ ...timer, context: true }, service]).findings;
    expect(serviceOnly.some((f) => f.rule === "timers/service-also-enabled" && f.file === "app.service")).toBe(true);
    expect(inFile("app.service", serviceOnly)).toBe(inFile("app.service", all));
    const timerOnly = lintSources([timer, { ...service, context: true }]).findings;
    expect(inFile("app.timer", timerOnly)).toBe(inFile("app.timer", all));
    // the context file's own problems (a misspelt setting) are not looked for
    expect(all.some((f) => f.rule === "directives/unknown-directive" && f.file === "app.timer")).toBe(true);
    expect(serviceOnly.some((f) => f.file === "app.timer" && f.rule === "directives/unknown-directive")).toBe(false);
  });
});
