import { createRequire } from "node:module";
import Ajv from "ajv-draft-04";
import { describe, expect, it } from "vitest";
import { formatters } from "../../src/format/index.js";
import { lintSources } from "../../src/linter/lint.js";
import { allRules } from "../../src/rules/registry.js";

const require = createRequire(import.meta.url);
const sarifSchema = require("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");

const text = "[Unit]\nDescription=x\n[service]\nExecStart=/bin/true\nfoo\n\n[Service]\nbar baz\n";
function input(color = false) {
  const r = lintSources([{ path: "dir/my app.service", text }]);
  return {
    findings: r.findings,
    sources: new Map(r.files.map((f) => [f.path, f.source])),
    rules: allRules.map((x) => x.meta),
    fileCount: 1,
    color,
    version: "1.2.3",
  };
}

describe("reporters", () => {
  it("stylish: location, severity, rule, message, code frame with carets, summary", () => {
    const out = formatters["stylish"]!(input());
    expect(out).toContain("dir/my app.service:3:2 warning syntax/unknown-section unknown section [service]");
    expect(out).toContain("  3 | [service]\n    |  ^^^^^^^");
    expect(out).toContain("dir/my app.service:8:1 warning syntax/invalid-line");
    // the errors: the unit name has a space, and its [Service] has no ExecStart= (the one it has is in [service])
    expect(out).toMatch(/\d+ problems \(2 errors, \d+ warnings?, 0 info\) in 1 file checked\n$/);
    expect(out).not.toContain("\u001b[");
  });

  it("stylish: colour only when asked", () => {
    expect(formatters["stylish"]!(input(true))).toContain("\u001b[");
  });

  it("stylish: a clean run says so", () => {
    const out = formatters["stylish"]!({ ...input(), findings: [] });
    expect(out).toBe("1 file checked, no problems found\n");
  });

  it("json: an array with the documented fields", () => {
    const arr = JSON.parse(formatters["json"]!(input()));
    expect(Array.isArray(arr)).toBe(true);
    expect(arr[0]).toEqual(
      expect.objectContaining({
        file: "dir/my app.service",
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        rule: "naming/invalid-unit-name",
        severity: "error",
      }),
    );
    for (const f of arr)
      expect(Object.keys(f)).toEqual(expect.arrayContaining(["file", "line", "column", "endLine", "endColumn", "rule", "severity", "message"]));
  });

  it("sarif: valid against the SARIF 2.1.0 schema", () => {
    const log = JSON.parse(formatters["sarif"]!(input()));
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    const validate = ajv.compile(sarifSchema);
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(log.runs[0].results.length).toBe(input().findings.length);
    // the validator does reject a broken log (so this test can fail)
    expect(validate({ version: "2.1.0", runs: [{ results: [] }] })).toBe(false);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe("dir/my%20app.service");
  });

  it("sarif: valid with fixes and related locations too", () => {
    const base = input();
    const f = {
      ...base.findings[1]!,
      fix: { description: "d", safe: true, edits: [{ start: 0, end: 1, text: "x" }] },
      related: [{ file: "dir/my app.service", range: { start: 0, end: 1 }, message: "here", line: 1, column: 1, endLine: 1, endColumn: 2 }],
    };
    const log = JSON.parse(formatters["sarif"]!({ ...base, findings: [f] }));
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    expect(ajv.validate(sarifSchema, log), JSON.stringify(ajv.errors)).toBe(true);
    expect(log.runs[0].results[0].fixes[0].artifactChanges[0].replacements[0].insertedContent.text).toBe("x");
  });

  it("github: workflow commands with escaped properties", () => {
    const out = formatters["github"]!(input());
    const first = out.split("\n")[0]!;
    expect(first).toMatch(/^::error file=dir\/my app\.service,line=1,col=1,endLine=1,endColumn=1,title=naming\/invalid-unit-name::/);
    expect(out).toContain("::warning file=dir/my app.service,line=3,col=2");
  });
});
