import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ruleDocFiles } from "../scripts/gen-rule-docs.js";
import { ensureBin, run } from "./helpers/cli.js";

describe("rule docs", () => {
  it("docs/rules equals a fresh generation (run `npm run docs:rules` after changing a rule)", () => {
    for (const [name, text] of ruleDocFiles()) {
      const path = join(import.meta.dirname, "..", "docs", "rules", name);
      expect(existsSync(path), `${path} missing`).toBe(true);
      expect(readFileSync(path, "utf8"), `${name} is stale`).toBe(text);
    }
  });

  it("unitlint rules and unitlint explain", () => {
    ensureBin();
    const list = run(["rules"]);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^RULE\s+FAMILY\s+SEVERITY\s+FIX\s+FINDS\n/);
    expect(list.stdout).toMatch(/^directives\/unknown-directive\s+directives\s+error\s+safe\s+/m);
    expect(list.stdout).toMatch(/^suppressions\/unused-disable\s+suppressions\s+off \(strict\)\s+safe\s+/m);
    const json = JSON.parse(run(["rules", "--json", "--family", "suppressions"]).stdout);
    expect(json).toEqual([
      expect.objectContaining({ id: "suppressions/unused-disable", family: "suppressions", severity: "off", presets: ["strict"], fixable: "safe" }),
    ]);
    expect(run(["rules", "--family", "nope"]).code).toBe(2);
    const ex = run(["explain", "unknown-directive"]);
    expect(ex.stdout).toContain("# directives/unknown-directive");
    expect(ex.stdout).toContain("## Bad");
    const bad = run(["explain", "directives/unknown-directiv"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("did you mean 'directives/unknown-directive'?");
  });
});
