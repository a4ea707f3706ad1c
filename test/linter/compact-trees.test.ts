import { describe, expect, it } from "vitest";
import { lintSources } from "../../src/linter/lint.js";
import { findFixtureDirs, loadFixture } from "../helpers/fixtures.js";

// `check` compacts each file's tree once its file rules ran (comment and blank
// lines dropped); what it reports must not change.
describe("compactTrees", () => {
  it("gives the same findings as whole trees, on every fixture set (all rules, strict and hardening presets)", () => {
    const dirs = findFixtureDirs();
    expect(dirs.length).toBeGreaterThan(50);
    for (const dir of dirs) {
      const fx = loadFixture(dir);
      const options = { ...fx.options, presets: ["recommended", "strict", "hardening"] as const };
      const whole = lintSources(fx.sources, { ...options, presets: [...options.presets] });
      const compact = lintSources(fx.sources, { ...options, presets: [...options.presets], compactTrees: true });
      expect(compact.findings, fx.name).toEqual(whole.findings);
    }
  });

  it("drops only comment and blank lines", () => {
    const text = "# a comment\n\n[Unit]\nDescription=x\n; another\n[Service]\nExecStart=/bin/true\n";
    const [file] = lintSources([{ path: "a.service", text }], { compactTrees: true }).files;
    expect(file!.ast.lines.map((l) => l.kind)).toEqual(["section-header", "entry", "section-header", "entry"]);
    expect(file!.ast.sections.map((s) => s.entries.map((e) => e.key))).toEqual([["Description"], ["ExecStart"]]);
  });

  it("an ordering cycle through an edge systemd adds at line 1, a comment, still points at that line", () => {
    // b.service has no [Unit] section: its implied Before=shutdown.target-style edges fall back to line 1.
    const sources = [
      { path: "a.service", text: "[Unit]\nAfter=b.service\nBefore=sysinit.target\nDefaultDependencies=no\n[Service]\nExecStart=/bin/a\n" },
      { path: "b.service", text: "# b waits for basic.target (implied)\n[Service]\nExecStart=/bin/b\n" },
    ];
    const whole = lintSources(sources).findings.filter((f) => f.rule === "dependencies/ordering-cycle");
    const compact = lintSources(sources, { compactTrees: true }).findings.filter((f) => f.rule === "dependencies/ordering-cycle");
    expect(whole.length).toBeGreaterThan(0);
    expect(compact).toEqual(whole);
  });
});
