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
 * Disagreements not fixed yet, per value kind: the count may only go down (lower it when it does). Each is a
 * line systemd refuses and unitlint takes, unless noted. Issue #17 tracks them.
 */
const OPEN: Record<string, number> = {
  bind_paths: 2,
  bus_name: 1,
  colon_separated_paths: 1,
  device_allow: 1,
  exec: 6,
  exec_directories: 5,
  extension_images: 1,
  ip_filter_bpf_progs: 2,
  load_credential: 2,
  log_extra_fields: 1,
  log_namespace: 1,
  namespace_path_strv: 9,
  pass_environ: 1,
  path_spec: 5,
  service_sockets: 2,
  socket_listen: 16,
  socket_service: 2,
  temporary_filesystems: 1,
  timer: 6,
  trigger_unit: 4,
  unit_condition_path: 22,
  unit_env_file: 1,
  unit_path_strv_printf: 1,
  unit_requires_mounts_for: 1,
  unit_slice: 2,
  unset_environ: 2,
  user_group_compat: 2,
  user_group_strv_compat: 1,
  working_directory: 3,
};

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
