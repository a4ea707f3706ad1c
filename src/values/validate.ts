import { calendarError, parseTimespan } from "../calendar/index.js";
import { closestMatch } from "../core/suggest.js";
import { enumInfo, type DirectiveInfo } from "../knowledge/directives.js";
import { EMPTY_EXPANSION_TAKEN, EMPTY_REFUSED, FATAL_PATH_SETTINGS, SPECIFIER_PARSERS } from "../knowledge/parser-traits.js";
import { EXIT_STATUS_NAMES } from "../knowledge/exit-status.js";
import { unitNameProblem } from "../model/unit-name.js";
import { integerProblem, parseCInteger, type IntegerRange } from "./integer.js";
import { KIND_VALIDATORS, valueKind } from "./kinds.js";
import { EMPTY_INSTANCE, expandForCheck, expandKnownSpecifiers, rawWords, safeAtou64 } from "./scan.js";
import { isPercentage, parseBoolean, parseSignal } from "./primitives.js";
import { withSuggestion, type ValueProblem } from "./problem.js";
import { userGroupVerdict } from "./user-group.js";
import { splitWords } from "./words.js";

export type { ValueProblem } from "./problem.js";

/** A problem's span inside the value, at least one character wide: an empty range at the very end underlines the last character. */
function visible(r: { start: number; end: number }, length: number): { from: number; to: number } {
  const to = Math.min(Math.max(r.end, r.start + 1), length);
  const from = Math.min(r.start, Math.max(0, to - 1));
  return { from, to: Math.max(to, from) };
}

type Validator = (value: string, info: DirectiveInfo) => ValueProblem | null;

const whole = (value: string, message: string): ValueProblem => ({ message, from: 0, to: value.length });
const hasSpecifier = (v: string) => v.includes("%");
/** A value whose %-specifiers systemd expands before parsing (unitlint cannot know what they expand to). */
const expands = (v: string, info: DirectiveInfo) => (info.specifiers || SPECIFIER_PARSERS.has(info.parser)) && hasSpecifier(v);

const bool: Validator = (v) => (v === "" || parseBoolean(v) !== undefined ? null : whole(v, `'${v}' is not a boolean (yes/no, true/false, on/off, 1/0)`));

const timespan: Validator = (v, info) => {
  if (v === "") return null;
  // parse_nsec() (TimerSlackNSec=) also takes nanoseconds: check those words as microseconds, the same grammar.
  const t = parseTimespan(info.parser === "nsec" ? v.replace(/(\d\s*)(ns|nsec)(?![a-z])/g, "$1us") : v);
  return t.ok ? null : { message: `'${v}' is not a time span (e.g. 90, 5min 20s, 1h30min, infinity): ${t.message}`, ...visible(t.range, v.length) };
};

const fileMode: Validator = (v) =>
  v === "" || (/^[0-7]+$/.test(v) && parseInt(v, 8) <= 0o7777) ? null : whole(v, `'${v}' is not an octal file mode such as 0022 or 0750`);

const signal: Validator = (v) =>
  v === "" || parseSignal(v) !== undefined ? null : whole(v, `'${v}' is not a signal name (SIGTERM, SIGINT, SIGRTMIN+1...) or number`);

// config_parse_tasks_max(): a percentage, else safe_atou64() below UINT64_MAX (0 is resources/resource-ranges' to report)
const tasks: Validator = (v) => {
  if (v === "" || v === "infinity" || isPercentage(v)) return null;
  const n = safeAtou64(v);
  if (n !== undefined && n < (1n << 64n) - 1n) return null;
  return whole(
    v,
    n !== undefined || /^\d+$/.test(v)
      ? `'${v}' is too large for a number of tasks (use 'infinity' for no limit): systemd ignores the line`
      : `'${v}' is not a number of tasks, a percentage or 'infinity'`,
  );
};

const percentage: Validator = (v) => (v === "" || isPercentage(v) ? null : whole(v, `'${v}' is not a percentage such as 50% or 150%`));

const calendarOrSpan: Validator = (v, info) => {
  if (v === "") return null;
  if (info.name !== "OnCalendar") return timespan(v, info);
  const err = calendarError(v, { tz: "UTC" });
  if (!err) return null;
  const p: ValueProblem = { message: `'${v}' is not a valid calendar spec: ${err.message}`, ...visible(err.range, v.length) };
  // A cron line pasted into OnCalendar=: offer the equivalent spec when one line expresses it.
  if (err.code === "cron-expression" && err.suggestion && !err.suggestion.includes("\n")) p.replacement = err.suggestion;
  return p;
};

const STREAM_PREFIXES = ["file:", "append:", "truncate:", "fd:"];
const NUMERIC_FALLBACK: Record<string, number> = { exec_cpu_sched_policy: 2147483647, exec_io_class: 8, log_facility: 127, log_level: 7, ip_tos: 255 };

const enumValue: Validator = (v, info) => {
  // StandardInput=/StandardOutput= expand specifiers only in a file: path; their names are taken literally.
  if (v === "" || (expands(v, info) && !["exec_input", "exec_output"].includes(info.parser))) return null;
  const e = enumInfo(info.name);
  if (!e) return null;
  if (e.acceptsBoolean && parseBoolean(v) !== undefined) return null;
  const stream = info.parser === "exec_input" || info.parser === "exec_output" ? STREAM_PREFIXES.find((p) => v.startsWith(p)) : undefined;
  if (stream) {
    const path = v.slice(stream.length);
    // The path's specifiers are expanded (%t/app.log), so one that starts with a specifier is taken as it comes.
    if (stream === "fd:" || path.startsWith("/") || path.startsWith("%")) return null;
    return {
      message: `${path ? `'${path}' is not an absolute path` : `'${stream}' needs an absolute path after it`}: systemd ignores the line`,
      from: stream.length,
      to: v.length,
    };
  }
  if (e.values.includes(v)) return null;
  // Handlers whose name table falls back to a number (string-table.h's ..._WITH_FALLBACK), up to a maximum.
  const fallback = NUMERIC_FALLBACK[info.parser];
  if (fallback !== undefined && !integerProblem(v, { type: "u32", max: fallback })) return null;
  if (info.parser === "socket_timestamping" && (["nsec", "usec", "µs", "μs"].includes(v) || parseBoolean(v) !== undefined)) return null;
  // parse_ip_protocol(): names in any case, or the protocol's number; 252 takes UDP-Lite (136) and SCTP (132) only.
  if (info.parser === "socket_protocol" && (["udplite", "sctp"].includes(v.toLowerCase()) || [132n, 136n].includes(parseCInteger(v) ?? -1n))) return null;
  // ProtectHostname=private:NAME (newer than 252: directives/newer-than-target judges the version)
  if (info.name === "ProtectHostname" && v.startsWith("private:")) return null;
  // Deprecated values are reported by values/deprecated-value, not as invalid.
  if (e.deprecated.split(/[;,]\s*|->/).some((d) => d.trim().split(/\s/)[0] === v)) return null;
  const allowed = [...new Set([...e.values, ...(e.acceptsBoolean ? ["yes", "no"] : [])])];
  return withSuggestion(whole(v, `'${v}' is not one of: ${allowed.join(", ")}`), closestMatch(v, allowed));
};

const unitList: Validator = (v) => {
  for (const w of splitWords(v).words) {
    if (w.text.includes("%")) continue;
    const why = unitNameProblem(w.text);
    if (why) return { message: `'${w.text}' is not a unit name: ${why}`, from: w.from, to: w.to };
  }
  return null;
};

// env_assignment_is_valid(): NAME=value words, NAME made of letters, digits and '_', not starting with a digit.
/**
 * Whether a variable name can be valid once systemd expands its specifiers (Environment= expands them before it checks
 * the name: `APP_%b=1` names APP_ and the boot ID). Specifiers whose text is not known here are given the benefit of
 * the doubt; the name's own characters must still be letters, digits and '_', and not begin with a digit.
 */
function envNameMayBeValid(name: string): boolean {
  if (!name.includes("%")) return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
  let own = "";
  for (let i = 0; i < name.length; i++) {
    if (name[i] === "%" && /[A-Za-z0-9]/.test(name[i + 1] ?? "")) i++;
    else own += name[i];
  }
  return /^[A-Za-z0-9_]*$/.test(own) && (name.startsWith("%") ? true : /^[A-Za-z_]/.test(name)) && !/^%%/.test(name);
}

const environment: Validator = (v) => {
  const { words, unterminated } = splitWords(v);
  if (unterminated !== undefined) return { message: "unterminated quote: systemd ignores the whole line", from: unterminated, to: unterminated + 1 };
  for (const w of words) {
    const eq = w.text.indexOf("=");
    const name = eq > 0 ? w.text.slice(0, eq) : w.text;
    if (eq <= 0 || !envNameMayBeValid(name))
      return {
        message: `'${w.text}' is not a NAME=value assignment (names use letters, digits and _, not starting with a digit); systemd ignores it`,
        from: w.from,
        to: w.to,
      };
  }
  return null;
};

// SuccessExitStatus= and friends (config_parse_set_status): words without unquoting, each an exit status (a name of
// exit-status.c or a number 0-255) or else a signal (name or number).
const exitStatusList: Validator = (v) => {
  for (const w of rawWords(v)) {
    const t = w.text;
    if (EXIT_STATUS_NAMES.includes(t) || integerProblem(t, { type: "u8" }) === null || parseSignal(t) !== undefined) continue;
    const p = { message: `'${t}' is not an exit status (0-255 or a name such as TEMPFAIL) or a signal (SIGTERM): systemd ignores it`, from: w.from, to: w.to };
    return /^[A-Z_]+$/.test(t) ? withSuggestion(p, closestMatch(t, [...EXIT_STATUS_NAMES])) : p;
  }
  return null;
};

/** Integer settings by systemd 252's handler: the C type it parses into and the handler's own range check. */
const INTEGERS: Record<string, IntegerRange & { extra?: string[] }> = {
  unsigned: { type: "u32" },
  tty_size: { type: "u32" },
  int: { type: "i32" },
  long: { type: "i64" },
  exec_nice: { type: "i32", min: -20, max: 19 },
  exec_oom_score_adjust: { type: "i32", min: -1000, max: 1000 },
  exec_io_priority: { type: "i32", min: 0, max: 7 },
  exec_cpu_sched_prio: { type: "i32", min: 0, max: 99 },
  swap_priority: { type: "i32", min: -1, max: 32767 },
  exit_status: { type: "u8" },
  cg_weight: { type: "u64", min: 1, max: 10000 },
  cg_cpu_weight: { type: "u64", min: 1, max: 10000, extra: ["idle"] },
};

const integer: Validator = (v, info) => {
  const r = INTEGERS[info.parser]!;
  if (v === "" || r.extra?.includes(v)) return null;
  const want = integerProblem(v, r);
  return want ? whole(v, `'${v}' is not ${want}${r.extra ? ` or ${r.extra.join(", ")}` : ""}; systemd ignores the line`) : null;
};

/** Parsers whose values are names from the enum table (string-table.h's ..._from_string(), some with a boolean). */
const ENUM_PARSERS = [
  "collect_mode",
  "device_policy",
  "emergency_action",
  "exec_cpu_sched_policy",
  "exec_input",
  "exec_io_class",
  "exec_keyring_mode",
  "exec_mount_flags",
  "exec_output",
  "exec_preserve_mode",
  "exec_utmp_mode",
  "ip_tos",
  "job_mode",
  "kill_mode",
  "log_facility",
  "log_level",
  "managed_oom_mode",
  "managed_oom_preference",
  "memory_pressure_watch",
  "memory_thp",
  "notify_access",
  "numa_policy",
  "oom_policy",
  "private_bpf",
  "private_pids",
  "proc_subset",
  "protect_home",
  "protect_proc",
  "protect_system",
  "runtime_preserve_mode",
  "service_exit_type",
  "service_restart",
  "service_restart_mode",
  "service_timeout_failure_mode",
  "service_type",
  "socket_bind",
  "socket_defer_trigger",
  "socket_protocol",
  "socket_timestamping",
];

const TIMESPAN_PARSERS = [
  "sec",
  "sec_fix_0",
  "sec_def_infinity",
  "nsec",
  "service_timeout",
  "service_timeout_abort",
  "job_timeout_sec",
  "job_running_timeout_sec",
  "managed_oom_mem_pressure_duration_sec",
];

/**
 * The validators of the scalar values and simple lists, by systemd's parser (DirectiveInfo.parser, from
 * load-fragment-gperf.gperf.in); the grammars of structured values are in kinds.ts. Parsers not listed are not checked.
 */
const BY_PARSER: Record<string, Validator> = {
  tristate: bool,
  exec_mount_apivfs: bool,
  job_mode_isolate: bool,
  timer: calendarOrSpan,
  mode: fileMode,
  signal,
  tasks_max: tasks,
  cpu_quota: percentage,
  environ: environment,
  set_status: exitStatusList,
  unit_deps: unitList,
  obsolete_unit_deps: unitList,
  ...Object.fromEntries(ENUM_PARSERS.map((p) => [p, enumValue])),
  ...Object.fromEntries(TIMESPAN_PARSERS.map((p) => [p, timespan])),
};
/** [Install] is read by install.c, not by a load-fragment.c parser: its unit lists by name. */
const INSTALL_UNIT_LISTS = ["WantedBy", "RequiredBy", "UpheldBy", "Also"];
/** Validators that judge specifiers themselves rather than the text expandForCheck() makes of them. */
const OWN_SPECIFIERS = new Set<Validator>([enumValue, unitList, environment]);

/** A setting whose value is a boolean (systemd parses it with parse_boolean(), or a tristate of it). */
export function isBooleanSetting(info: DirectiveInfo): boolean {
  return scalarValidator(info) === bool;
}

function scalarValidator(info: DirectiveInfo): Validator | undefined {
  if (INTEGERS[info.parser]) return integer;
  // BOOLEAN parsers of settings that became enums later (PrivateTmp=disconnected): the enum table knows the names
  if (info.parser === "bool") return enumInfo(info.name) ? enumValue : bool;
  if (info.section === "Install") return INSTALL_UNIT_LISTS.includes(info.name) ? unitList : undefined;
  return BY_PARSER[info.parser];
}

/** What is known about the unit a value sits in. */
export interface ValueContext {
  /** The unit is neither a template nor an instance (nor a drop-in that may belong to one): `%i` and `%I` expand to "". */
  noInstance?: boolean;
  /** The unit's full name (`app.service`), where it is certain: what `%n` expands to. */
  unitName?: string;
}

/**
 * Values whose failure makes systemd refuse the whole unit: the loading/ rules judge them, with the same specifier
 * expansion, and say so (invalid users and groups, a relative WorkingDirectory= without '-', RootDirectory=...).
 */
const refusesUnit = (value: string, info: DirectiveInfo) =>
  info.parser === "user_group_compat" ||
  info.parser === "user_group_strv_compat" ||
  (FATAL_PATH_SETTINGS.includes(info.name) && !(info.name === "WorkingDirectory" && value.startsWith("-"))) ||
  // a command without the '-' prefix that cannot be parsed (loading/invalid-command)
  (info.parser === "exec" && !/^\s*[@:+!-]*/.exec(value)![0].includes("-"));

/** The specifiers a context pins down: letter → expansion. */
function knownSpecifiers(context: ValueContext): Record<string, string> | undefined {
  if (!context.noInstance && context.unitName === undefined) return undefined;
  const known: Record<string, string> = context.noInstance ? { ...EMPTY_INSTANCE } : {};
  if (context.unitName !== undefined) known.n = context.unitName;
  return known;
}

export function validateValue(value: string, info: DirectiveInfo, context: ValueContext = {}): ValueProblem | null {
  const known = expands(value, info) && !refusesUnit(value, info) ? knownSpecifiers(context) : undefined;
  const e = known && expandKnownSpecifiers(value, known);
  if (e) return expandedProblem(value, e, info, context);
  if (info.parser === "trigger_unit" && value === context.unitName)
    return { message: `a unit cannot trigger itself: systemd ignores the line`, from: 0, to: value.length };
  if (value === "" && EMPTY_REFUSED.has(info.parser))
    return { message: "an empty value is not valid for this setting: systemd ignores the line instead of resetting the setting", from: 0, to: 0 };
  // Grammars chosen by systemd's parser; each handles %-specifiers itself (many of these parsers expand none).
  const kind = valueKind(info);
  if (kind) {
    const p = KIND_VALIDATORS[kind](value, info.name, info.ltype, info.parser);
    return p && { ...p, ...visible({ start: p.from, end: p.to }, value.length) };
  }
  const validator = scalarValidator(info);
  if (!validator) return null;
  // Settings whose parser expands no specifiers take '%n' literally, and it must then parse as it is.
  let text = value;
  if (expands(value, info) && !OWN_SPECIFIERS.has(validator)) {
    // What the specifiers expand to, where that is known well enough to judge (%% and stray %, %n, path specifiers).
    const expanded = expandForCheck(value);
    if (expanded === null) return info.parser === "timer" ? impossibleTimerCharacter(value) : null;
    text = expanded;
  }
  const p = validator(text, info);
  if (!p || text === value) return p;
  // expandForCheck() puts /spec for a path specifier and unit.service for %n: name the specifiers, not the stand-ins
  const message = /\/spec|unit\.service/.test(text)
    ? `'${value}' is not valid once systemd expands its specifiers (the path ones give a directory, %n the unit's name): systemd ignores the line`
    : `${p.message} (once systemd turns %% into %)`;
  return { ...p, message, from: 0, to: value.length };
}

/** A value checked as systemd sees it once the specifiers its unit pins down are put in (`%i` empty, `%n` the name). */
function expandedProblem(value: string, e: { text: string; at: number }, info: DirectiveInfo, context: ValueContext): ValueProblem | null {
  const spec = value.slice(e.at, e.at + 2);
  const why = spec === "%n" ? `'%n' is ${context.unitName}` : `'${spec}' expands to an empty string because the unit is not a template`;
  if (e.text === "")
    return EMPTY_EXPANSION_TAKEN.has(info.parser) ? null : { message: `${why}, so the value is empty: systemd ignores the line`, from: e.at, to: e.at + 2 };
  // a problem of its own, before any specifier: reported as it is, where it is
  const own = validateValue(value, info);
  if (own) return own;
  const p = validateValue(e.text, info, { unitName: context.unitName });
  if (!p) return null;
  // offsets before the first expanded specifier are the value's own; after it they are not
  const at = p.to <= e.at ? { from: p.from, to: p.to } : { from: 0, to: value.length };
  const sees = e.text === context.unitName ? why : `${why}: systemd sees '${e.text}'`;
  return { ...p, message: `${p.message} (${sees})`, ...at };
}

/**
 * Whether `%i`/`%I` expanding to an empty string (the unit is not a template) is what makes systemd refuse the
 * value or the unit: values/unknown-specifier then leaves the report to the rule that says so.
 */
export function breaksWithEmptyInstance(value: string, info: DirectiveInfo): boolean {
  if (!expands(value, info)) return false;
  const e = expandKnownSpecifiers(value, EMPTY_INSTANCE);
  if (!e) return false;
  if (!refusesUnit(value, info)) return validateValue(value, info, { noInstance: true }) !== null && validateValue(value, info) === null;
  if (info.parser === "exec") return e.text.trim() === "";
  if (info.parser === "user_group_compat") return !e.text.includes("%") && userGroupVerdict(e.text) !== null && "refused" in userGroupVerdict(e.text)!;
  if (info.parser === "user_group_strv_compat") return e.text.trim() === "";
  const path = expandForCheck(e.text);
  return path !== null && (path === "" ? info.name === "WorkingDirectory" : !path.startsWith("/"));
}

/**
 * A timer value whose specifiers cannot be known (%H, %m...) still fails when its own text holds a character no
 * calendar spec or time span has: host names, paths and IDs cannot make `[` or `=` valid.
 */
function impossibleTimerCharacter(value: string): ValueProblem | null {
  for (let i = 0; i < value.length; i++) {
    if (value[i] === "%") {
      i++;
      continue;
    }
    if (!/[A-Za-z0-9 \t:.,~/*+_-]/.test(value[i]!))
      return {
        message: `'${value[i]}' cannot be part of a calendar spec or time span, whatever the specifiers expand to: systemd ignores the line`,
        from: i,
        to: i + 1,
      };
  }
  return null;
}
