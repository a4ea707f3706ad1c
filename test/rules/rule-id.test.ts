import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/config.js";
import { lintSources } from "../../src/linter/lint.js";
import { lookupRuleId } from "../../src/rules/rule-id.js";
import { parseRuleFlags } from "../../src/cli/check.js";

describe("rule ids as users write them", () => {
  it("the full id, or the name alone when one family has it", () => {
    expect(lookupRuleId("dependencies/unknown-unit")).toEqual({ ok: true, id: "dependencies/unknown-unit" });
    expect(lookupRuleId("unknown-unit")).toEqual({ ok: true, id: "dependencies/unknown-unit" });
  });

  it("an unknown id gets the closest real one", () => {
    const r = lookupRuleId("dependencies/unknwn-unit");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain("did you mean 'dependencies/unknown-unit'?");
    const short = lookupRuleId("unknwn-unit");
    expect(!short.ok && short.message).toContain("did you mean 'dependencies/unknown-unit'?");
  });

  it("in configuration: short ids work, typos in ids and severities get a did-you-mean", () => {
    const ok = parseConfig('{ "rules": { "unknown-unit": "off" } }');
    expect(ok.errors).toEqual([]);
    expect(ok.config.rules["dependencies/unknown-unit"]).toBe("off");
    const bad = parseConfig('{ "rules": { "dependencies/unknown-unit": "warn" } }');
    expect(bad.errors[0]!.message).toContain("did you mean 'warning'?");
  });

  it("in --rule", () => {
    expect(parseRuleFlags(["unknown-unit=off"])).toEqual({ "dependencies/unknown-unit": "off" });
    expect(() => parseRuleFlags(["unknown-unit=warn"])).toThrow("did you mean 'unknown-unit=warning'?");
    expect(() => parseRuleFlags(["unknwn-unit=off"])).toThrow("did you mean 'dependencies/unknown-unit'?");
  });

  it("in suppression comments", () => {
    const text = "[Unit]\nDescription=x\n# unitlint-disable-next-line unknown-section -- vendor section\n[Vendor]\nKey=1\n[Service]\nExecStart=/usr/bin/true\n";
    const r = lintSources([{ path: "a.service", text }]);
    expect(r.findings.filter((f) => f.rule === "syntax/unknown-section")).toEqual([]);
  });
});

describe("a section name that differs only in case", () => {
  it("has a safe fix to the real name", () => {
    const r = lintSources([{ path: "a.service", text: "[Unit]\nDescription=x\n[service]\nExecStart=/usr/bin/true\n" }]);
    const f = r.findings.find((x) => x.rule === "syntax/unknown-section")!;
    expect(f.fix).toMatchObject({ safe: true, edits: [{ text: "Service" }] });
  });
});
