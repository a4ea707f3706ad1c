import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lint } from "../../src/index.js";
import { hasSystemdAnalyze, runSystemdAnalyze } from "../calendar/support/systemd-analyze.js";
import { VALUE_CORPUS } from "./support/value-corpus.js";

/**
 * The value grammars against systemd 252 itself: every corpus value is a line of a service; systemd-analyze
 * verify logs "file:line: ..." for each line it refuses or drops (part of), and unitlint must report an
 * error from values/invalid-value on exactly those lines. Silent drops (unknown capability names, unknown
 * filesystem names) are warnings in unitlint and count as "no error" on both sides.
 */
const HEADER = "[Service]\nExecStart=/usr/bin/true\n";
const FIRST_LINE = HEADER.split("\n").length;

const dir = mkdtempSync(join(tmpdir(), "unitlint-values-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!hasSystemdAnalyze)("differential: value grammars vs systemd-analyze verify (skipped: systemd-analyze of systemd 252 is not installed)", () => {
  it("refuses exactly the lines systemd refuses", () => {
    const files = Object.entries(VALUE_CORPUS).map(([setting, values]) => {
      const path = join(dir, `v-${setting.toLowerCase()}.service`);
      const text = HEADER + values.map((v) => `${setting}=${v}\n`).join("");
      writeFileSync(path, text);
      return { setting, values, path, text };
    });
    const out = runSystemdAnalyze(["verify", "--man=no", "--recursive-errors=no", ...files.map((f) => f.path)], undefined, { SYSTEMD_LOG_LEVEL: "info" });
    const refused = new Set<string>();
    for (const m of out.stderr.matchAll(/^(\/[^:\n]+):(\d+): /gm)) refused.add(`${m[1]}:${m[2]}`);
    const found = lint(files.map((f) => ({ path: f.path, text: f.text }))).findings;
    const errors = new Set(found.filter((f) => f.rule === "values/invalid-value" && f.severity === "error").map((f) => `${f.file}:${f.line}`));
    const disagreements: string[] = [];
    let cases = 0;
    for (const f of files)
      f.values.forEach((v, i) => {
        cases++;
        const key = `${f.path}:${FIRST_LINE + i}`;
        const systemd = refused.has(key);
        const mine = errors.has(key);
        if (systemd !== mine) disagreements.push(`${f.setting}=${v}  systemd ${systemd ? "refuses" : "takes"} it, unitlint ${mine ? "reports an error" : "does not"}`);
      });
    expect(cases).toBeGreaterThan(300);
    expect(disagreements).toEqual([]);
  });
});
