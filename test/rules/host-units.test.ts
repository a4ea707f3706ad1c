import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { collectInputs } from "../../src/node/collect.js";
import { readUnitFile } from "../../src/node/read.js";
import { lintSources } from "../../src/linter/lint.js";

const DIRS = ["/lib/systemd/system", "/lib/systemd/user"].filter((d) => existsSync(d));

// Reads the host's own units; skipped where systemd's unit folders do not exist.
describe.skipIf(DIRS.length === 0)("the host's own units", () => {
  it("have no unknown-directive, wrong-section or invalid-value findings", () => {
    const files = collectInputs(DIRS).files;
    const sources = files.flatMap((path) => {
      const r = readUnitFile(path);
      return r.ok ? [{ path, text: r.text }] : [];
    });
    expect(sources.length).toBeGreaterThan(50);
    const { findings } = lintSources(sources);
    const bad = findings.filter((f) =>
      ["directives/unknown-directive", "directives/wrong-section", "values/invalid-value", "syntax/invalid-line", "syntax/unknown-section"].includes(f.rule),
    );
    expect(bad.map((f) => `${f.file}:${f.line} ${f.rule} ${f.message}`)).toEqual([]);
  });
});
