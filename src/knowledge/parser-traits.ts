/**
 * What systemd 252's value handlers (DirectiveInfo.parser) do beyond their grammar.
 */

/**
 * systemd 252's handlers (DirectiveInfo.parser) that refuse an empty assignment: `Setting=` is logged as
 * "Failed to parse ..., ignoring" and the line is dropped, rather than resetting the setting as list settings
 * and most numeric exec settings (Nice=, OOMScoreAdjust=, IOSchedulingClass=...) do. Read from
 * src/core/load-fragment.c and src/shared/conf-parser.c, and confirmed one by one by the value sweep
 * (test/values/sweep-differential.test.ts) against systemd-analyze verify.
 */
export const EMPTY_REFUSED: ReadonlySet<string> = new Set([
  "bool",
  "bus_name",
  "collect_mode",
  "device_policy",
  "emergency_action",
  "exec_cpu_sched_prio",
  "exec_input",
  "exec_keyring_mode",
  "exec_output",
  "exec_utmp_mode",
  "int",
  "job_mode",
  "job_mode_isolate",
  "job_running_timeout_sec",
  "job_timeout_sec",
  "log_facility",
  "log_level",
  "long",
  "managed_oom_preference",
  "mode",
  "notify_access",
  "nsec",
  "oom_policy",
  "proc_subset",
  "protect_home",
  "protect_proc",
  "protect_system",
  "runtime_preserve_mode",
  "sec",
  "sec_fix_0",
  "service_exit_type",
  "service_restart",
  "service_timeout",
  "service_timeout_failure_mode",
  "service_type",
  "signal",
  "socket_bind",
  "socket_protocol",
  "socket_service",
  "socket_timestamping",
  "trigger_unit",
  "unit_slice",
  "unsigned",
]);

/**
 * systemd 252's handlers that expand %-specifiers before they parse the value (they call unit_*_printf()), read
 * from src/core/load-fragment.c. The directive rows' own `specifiers` flag misses many of them (OnCalendar=,
 * User=, Listen*=...), so value checks ask this list too.
 */
export const SPECIFIER_PARSERS: ReadonlySet<string> = new Set([
  "unit_deps",
  "unit_string_printf",
  "reboot_parameter",
  "unit_strv_printf",
  "unit_path_printf",
  "colon_separated_paths",
  "unit_path_strv_printf",
  "socket_listen",
  "exec",
  "exec_input",
  "exec_input_text",
  "exec_output",
  "root_image_options",
  "exec_cpu_affinity",
  "exec_selinux_context",
  "exec_apparmor_profile",
  "exec_smack_process_label",
  "timer",
  "trigger_unit",
  "path_spec",
  "socket_service",
  "fdname",
  "service_sockets",
  "bus_name",
  "user_group_compat",
  "user_group_strv_compat",
  "working_directory",
  "unit_env_file",
  "environ",
  "pass_environ",
  "unset_environ",
  "log_extra_fields",
  "log_namespace",
  "unit_condition_path",
  "unit_condition_string",
  "unit_requires_mounts_for",
  "documentation",
  "unit_slice",
  "allowed_cpuset",
  "device_allow",
  "io_device_weight",
  "io_device_latency",
  "io_limit",
  "blockio_device_weight",
  "blockio_bandwidth",
  "exec_directories",
  "set_credential",
  "load_credential",
  "namespace_path_strv",
  "temporary_filesystems",
  "bind_paths",
  "mount_images",
  "extension_images",
  "pid_file",
  "ip_filter_bpf_progs",
  "bpf_foreign_program",
]);

/** Path settings whose bad value makes systemd 252 refuse the whole unit (PATH_CHECK_FATAL), not just the line. */
export const FATAL_PATH_SETTINGS: readonly string[] = ["WorkingDirectory", "RootDirectory", "RootImage", "RootVerity"];

/**
 * Handlers among SPECIFIER_PARSERS that take a value whose specifiers expand to an empty string (`X=%i` in a unit
 * that is not a template): the rest log "not absolute", "Invalid ..." or "Failed to parse ..." and drop the line.
 * Measured with systemd-analyze verify of systemd 252 over every setting of each handler (the value sweep's `%i` cases).
 */
export const EMPTY_EXPANSION_TAKEN: ReadonlySet<string> = new Set([
  "allowed_cpuset",
  "capability_set",
  "documentation",
  "exec_apparmor_profile",
  "exec_cpu_affinity",
  "exec_input_text",
  "exec_secure_bits",
  "exec_selinux_context",
  "exec_smack_process_label",
  "fdname",
  "obsolete_unit_deps",
  "pid_file",
  "restrict_filesystems",
  "root_image_options",
  "string",
  "unit_condition_string",
  "unit_deps",
  "unit_path_printf",
  "unit_string_printf",
]);
