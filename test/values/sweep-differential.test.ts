import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hasSystemdAnalyze } from "../calendar/support/systemd-analyze.js";
import { describeOutcome, judgeSweep, openDisagreements, writeSweep, type SweepOutcome } from "./support/sweep.js";

/**
 * The generated value sweep (test/values/support/sweep.ts) against systemd 252: every case is one unit; unitlint
 * must report an error on the case's line exactly when systemd-analyze verify logs that line as bad.
 * `npx tsx scripts/value-sweep.ts --list` prints the figures and every disagreement.
 */

/**
 * Disagreements not fixed yet, per value kind: none is left (every remaining one is reviewed in support/sweep.ts as
 * unitlint being right or as depending on the host). A new one fails the test; add it here only with an issue.
 */
const OPEN: Record<string, number> = {};

const dir = mkdtempSync(join(tmpdir(), "unitlint-sweep-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!hasSystemdAnalyze)(
  "differential: generated value sweep vs systemd-analyze verify (skipped: systemd-analyze of systemd 252 is not installed)",
  () => {
    it("errors on exactly the lines systemd refuses, per value kind", () => {
      const outcomes = judgeSweep(writeSweep(dir));
      expect(outcomes.length).toBeGreaterThan(10000);
      const open = openDisagreements(outcomes);
      const byKind = new Map<string, SweepOutcome[]>();
      for (const o of open) (byKind.get(o.kind) ?? byKind.set(o.kind, []).get(o.kind)!).push(o);
      const over: string[] = [];
      const better: string[] = [];
      for (const kind of new Set([...byKind.keys(), ...Object.keys(OPEN)])) {
        const n = byKind.get(kind)?.length ?? 0;
        const allowed = OPEN[kind] ?? 0;
        if (n > allowed) over.push(`${kind}: ${n} disagreements (baseline ${allowed})\n  ${byKind.get(kind)!.map(describeOutcome).join("\n  ")}`);
        else if (n < allowed) better.push(`${kind}: ${n} (baseline ${allowed}: lower it)`);
      }
      expect(over).toEqual([]);
      expect(better).toEqual([]);
    });
  },
);
