/**
 * systemd 252's handlers (DirectiveInfo.parser) that refuse an empty assignment: `Setting=` is logged as
 * "Failed to parse ..., ignoring" and the line is dropped, rather than resetting the setting as list settings
 * and most numeric exec settings (Nice=, OOMScoreAdjust=, IOSchedulingClass=...) do. Read from
 * src/core/load-fragment.c and src/shared/conf-parser.c, and confirmed one by one by the value sweep
 * (test/values/sweep-differential.test.ts) against systemd-analyze verify.
 */
export const EMPTY_REFUSED: ReadonlySet<string> = new Set([
  "bool", "bus_name", "collect_mode", "device_policy", "emergency_action", "exec_cpu_sched_prio", "exec_input",
  "exec_keyring_mode", "exec_output", "exec_utmp_mode", "int", "job_mode", "job_mode_isolate", "job_running_timeout_sec",
  "job_timeout_sec", "log_facility", "log_level", "long", "managed_oom_preference", "mode", "notify_access", "nsec",
  "oom_policy", "proc_subset", "protect_home", "protect_proc", "protect_system", "runtime_preserve_mode", "sec",
  "sec_fix_0", "service_exit_type", "service_restart", "service_timeout", "service_timeout_failure_mode", "service_type",
  "signal", "socket_protocol", "socket_service", "socket_timestamping", "trigger_unit", "unit_slice", "unsigned",
]);
