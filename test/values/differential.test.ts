import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lint } from "../../src/index.js";
import { hasSystemdAnalyze, runSystemdAnalyze } from "../calendar/support/systemd-analyze.js";
import { OTHER_UNIT_TYPES, VALUE_CORPUS } from "./support/value-corpus.js";

/**
 * The value grammars against systemd 252 itself: every corpus value is a line of a service; systemd-analyze
 * verify logs "file:line: ..." for each line it refuses or drops (part of), and unitlint must report an
 * error on exactly those lines (from values/invalid-value, or resources/resource-ranges for zero and
 * percentages). Silent drops (unknown capability names, unknown
 * filesystem names) are warnings in unitlint and count as "no error" on both sides.
 */
const HEADER = "[Service]\nExecStart=/usr/bin/true\n";
/** Every header has two lines, so the case is on line 3. */
const LINE = 3;

const dir = mkdtempSync(join(tmpdir(), "unitlint-values-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!hasSystemdAnalyze)("differential: value grammars vs systemd-analyze verify (skipped: systemd-analyze of systemd 252 is not installed)", () => {
  it("refuses exactly the lines systemd refuses", () => {
    // One unit per case, so rules that judge a setting's effective (last) value see each case too.
    const cases = Object.entries(VALUE_CORPUS).flatMap(([setting, values]) =>
      values.map((value, i) => {
        const unit = OTHER_UNIT_TYPES[setting] ?? { suffix: "service", header: HEADER };
        const path = join(dir, `${setting.toLowerCase()}-${i}.${unit.suffix}`);
        const text = `${unit.header}${setting}=${value}\n`;
        writeFileSync(path, text);
        return { setting, value, path, text };
      }),
    );
    const out = runSystemdAnalyze(["verify", "--man=no", "--recursive-errors=no", ...cases.map((c) => c.path)], undefined, { SYSTEMD_LOG_LEVEL: "info" });
    const refused = new Set<string>();
    for (const m of out.stderr.matchAll(/^(\/[^:\n]+):(\d+): /gm)) if (Number(m[2]) === LINE) refused.add(m[1]!);
    const found = lint(cases.map((c) => ({ path: c.path, text: c.text }))).findings;
    // Any error counts: a few refusals belong to other rules (resources/resource-ranges: MemoryMax=0, 101%).
    const errors = new Set(found.filter((f) => f.severity === "error" && f.line === LINE).map((f) => f.file));
    const disagreements = cases
      .filter((c) => refused.has(c.path) !== errors.has(c.path))
      .map(
        (c) =>
          `${c.setting}=${c.value}  systemd ${refused.has(c.path) ? "refuses" : "takes"} it, unitlint ${errors.has(c.path) ? "reports an error" : "does not"}`,
      );
    expect(cases.length).toBeGreaterThan(300);
    expect(disagreements).toEqual([]);
  });
});
