import { describe, expect, it } from "vitest";
import { lintSources } from "../src/linter/lint.js";

const run = (text: string, unused = false) =>
  lintSources([{ path: "a.service", text }], unused ? { rules: { "suppressions/unused-disable": "warning" } } : {}).findings.map((f) => `${f.line} ${f.rule}`);

describe("inline suppressions", () => {
  it("disable-next-line silences the named rules on the next setting only", () => {
    const text = "[Service]\n# unitlint-disable-next-line directives/unknown-directive -- legacy\nFoo=1\nBar=2\n";
    expect(run(text)).toEqual(["4 directives/unknown-directive"]);
  });

  it("skips comments and blank lines to find the next line; no ids means every rule", () => {
    expect(run("[Service]\n# unitlint-disable-next-line\n\n# more\nFoo=1\n")).toEqual([]);
  });

  it("disable (without -next-line) lasts to the end of the file", () => {
    expect(run("[Service]\n; unitlint-disable directives/unknown-directive\nFoo=1\nBar=2\nRestart=sometimes\n")).toEqual(["5 values/invalid-value"]);
  });

  it("suppressions/unused-disable reports one that suppresses nothing (when enabled)", () => {
    const text = "[Service]\n# unitlint-disable-next-line values/invalid-value\nUser=app\n";
    expect(run(text)).toEqual([]);
    expect(run(text, true)).toEqual(["2 suppressions/unused-disable"]);
  });
});
