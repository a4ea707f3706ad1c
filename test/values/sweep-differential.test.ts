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
  allowed_cpuset: 16, bind_paths: 6, bool: 226, bpf_foreign_program: 26, bus_name: 28, cg_cpu_weight: 10,
  cg_weight: 10, collect_mode: 6, colon_separated_paths: 27, cpu_quota: 5, delegate: 1, device_allow: 3,
  device_policy: 6, documentation: 27, emergency_action: 18, exec: 60, exec_coredump_filter: 24,
  exec_cpu_affinity: 4, exec_cpu_sched_policy: 8, exec_cpu_sched_prio: 26, exec_directories: 10, exec_input: 7,
  exec_input_data: 26, exec_input_text: 2, exec_io_class: 6, exec_io_priority: 25, exec_keyring_mode: 6,
  exec_mount_apivfs: 5, exec_mount_flags: 5, exec_nice: 6, exec_oom_score_adjust: 6, exec_output: 12,
  exec_root_hash: 29, exec_root_hash_sig: 27, exec_utmp_mode: 6, exit_status: 54, extension_images: 27, fdname: 1,
  int: 81, ip_filter_bpf_progs: 6, ip_tos: 5, job_mode: 16, job_mode_isolate: 6, job_running_timeout_sec: 6,
  job_timeout_sec: 6, kill_mode: 6, load_credential: 2, log_extra_fields: 30, log_facility: 8, log_level: 12,
  log_namespace: 16, long: 52, managed_oom_mem_pressure_limit: 29, managed_oom_mode: 10, managed_oom_preference: 6,
  mode: 36, mount_images: 28, namespace_path_strv: 27, notify_access: 6, nsec: 8, numa_mask: 5, numa_policy: 5,
  obsolete_unit_deps: 12, oom_policy: 6, pass_environ: 1, path_spec: 135, personality: 15, pid_file: 1,
  proc_subset: 6, protect_home: 6, protect_proc: 6, protect_system: 6, restrict_filesystems: 1,
  restrict_network_interfaces: 1, rlimit: 1, root_image_options: 3, runtime_preserve_mode: 6, sec: 42,
  sec_def_infinity: 5, sec_fix_0: 6, service_exit_type: 6, service_restart: 6, service_sockets: 28,
  service_timeout: 12, service_timeout_abort: 5, service_timeout_failure_mode: 12, service_type: 7, set_status: 21,
  signal: 24, socket_bind: 6, socket_bindtodevice: 16, socket_listen: 398, socket_protocol: 8, socket_service: 30,
  socket_timestamping: 11, swap_priority: 25, syscall_archs: 1, tasks_max: 6, temporary_filesystems: 3, timer: 30,
  trigger_unit: 56, tty_size: 14, unit_condition_path: 594, unit_deps: 38, unit_env_file: 26, unit_path_printf: 21,
  unit_path_strv_printf: 25, unit_requires_mounts_for: 27, unit_slice: 27, unit_string_printf: 8, unset_environ: 2,
  unsigned: 30, user_group_compat: 7, user_group_strv_compat: 1, working_directory: 5,
};

const dir = mkdtempSync(join(tmpdir(), "unitlint-sweep-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!hasSystemdAnalyze)("differential: generated value sweep vs systemd-analyze verify (skipped: systemd-analyze of systemd 252 is not installed)", () => {
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
});
