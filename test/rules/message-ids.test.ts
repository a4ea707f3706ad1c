import { describe, expect, it } from "vitest";
import { lintSources, type LintSource } from "../../src/linter/lint.js";
import { allRules } from "../../src/rules/registry.js";
import { defineRule, type Report, type Rule } from "../../src/rules/types.js";
import { findFixtureDirs, loadFixture } from "../helpers/fixtures.js";

// A rule's message ids are checked by the compiler (defineRule types ctx.report from meta.messages);
// this is the run-time side: every id any rule reports on the fixtures and its doc examples has a message,
// and an id without one becomes an internal error instead of printing the bare id.

const everyRuleOn = Object.fromEntries(allRules.map((r) => [r.meta.id, "warning" as const]));

/** The rules, each reporting through a wrapper that records the message ids it reports. */
function recording(seen: Map<string, Set<string>>): Rule[] {
  const wrap = <C extends { report(r: Report): void }>(rule: Rule, ctx: C): C => ({
    ...ctx,
    report: (r: Report) => {
      seen.get(rule.meta.id)!.add(r.messageId);
      ctx.report(r);
    },
  });
  return allRules.map((rule) => {
    seen.set(rule.meta.id, new Set());
    const copy: Rule = { meta: rule.meta };
    if (rule.checkFile) copy.checkFile = (ctx) => rule.checkFile!(wrap(rule, ctx));
    if (rule.checkUnit) copy.checkUnit = (ctx) => rule.checkUnit!(wrap(rule, ctx));
    if (rule.checkSet) copy.checkSet = (ctx) => rule.checkSet!(wrap(rule, ctx));
    if (rule.checkCrontab) copy.checkCrontab = (ctx) => rule.checkCrontab!(wrap(rule, ctx));
    if (rule.checkJobs) copy.checkJobs = (ctx) => rule.checkJobs!(wrap(rule, ctx));
    return copy;
  });
}

describe("message ids", () => {
  it("every id a rule reports on the fixtures and doc examples is among its messages", () => {
    const seen = new Map<string, Set<string>>();
    const ruleSet = recording(seen);
    const runs: LintSource[][] = findFixtureDirs().map((d) => loadFixture(d).sources);
    for (const r of allRules)
      for (const ex of [r.meta.docs.bad, r.meta.docs.good]) runs.push([ex, ...(ex.extra ?? [])].map((x) => ({ path: x.filename, text: x.text })));
    const crashes: string[] = [];
    for (const sources of runs) {
      const { findings } = lintSources(sources, { ruleSet, rules: everyRuleOn, settings: { now: Date.UTC(2026, 0, 1) } });
      crashes.push(...findings.filter((f) => f.rule === "internal/rule-crashed" && f.message.includes("message id")).map((f) => f.message));
    }
    expect(crashes).toEqual([]);
    for (const rule of allRules) {
      const missing = [...seen.get(rule.meta.id)!].filter((id) => !Object.hasOwn(rule.meta.messages, id));
      expect.soft(missing, `${rule.meta.id} reports ids it has no message for`).toEqual([]);
    }
    // the runs reach most rules, so the check above is not vacuous
    expect([...seen.values()].filter((s) => s.size > 0).length).toBeGreaterThan(allRules.length * 0.9);
  });

  it("a reported id without a message is an internal error, not a finding that shows the id", () => {
    const meta: Rule["meta"] = {
      id: "test/ids",
      family: "syntax",
      severity: "warning",
      fixable: "none",
      messages: { known: "known" },
      docs: { summary: "", rationale: "", bad: { filename: "a.service", text: "" }, good: { filename: "a.service", text: "" } },
    };
    const rule = defineRule({ meta, checkFile: (ctx) => ctx.report({ messageId: "typo", file: ctx.file, range: { start: 0, end: 1 } }) });
    const { findings } = lintSources([{ path: "a.service", text: "[Service]\nExecStart=/bin/true\n" }], { ruleSet: [rule] });
    expect(findings.map((f) => [f.rule, f.message])).toEqual([
      ["internal/rule-crashed", "internal error in rule test/ids: reported message id 'typo', which the rule has no message for (please report this)"],
    ]);
  });

  it("defineRule types message ids and options from the meta", () => {
    const docs = { summary: "", rationale: "", bad: { filename: "a.service", text: "" }, good: { filename: "a.service", text: "" } };
    const rule = defineRule({
      meta: {
        id: "test/typed",
        family: "syntax",
        severity: "warning",
        fixable: "none",
        messages: { one: "one", two: "two {n}" },
        docs,
        options: { n: { type: "number", description: "" }, names: { type: "string[]", description: "" } },
      },
      checkFile(ctx) {
        const n: number | undefined = ctx.options.n;
        const names: readonly string[] | undefined = ctx.options.names;
        // @ts-expect-error: no such option
        void ctx.options.other;
        // @ts-expect-error: an option has the declared type
        const wrong: string | undefined = ctx.options.n;
        void wrong;
        ctx.report({ messageId: names?.length ? "one" : "two", data: { n: n ?? 0 }, file: ctx.file, range: { start: 0, end: 1 } });
        // @ts-expect-error: not among meta.messages
        ctx.report({ messageId: "three", file: ctx.file, range: { start: 0, end: 1 } });
      },
    });
    const { findings } = lintSources([{ path: "a.service", text: "[Service]\nExecStart=/bin/true\n" }], {
      ruleSet: [rule],
      settings: { ruleOptions: { "test/typed": { n: 7 } } },
    });
    expect(findings.map((f) => f.message).sort()).toEqual([expect.stringContaining("message id 'three'"), "two 7"]);
  });
});
