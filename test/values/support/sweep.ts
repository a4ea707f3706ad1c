/**
 * The generated value sweep (issue #17): for every value kind of systemd 252's parser table (a setting's
 * `config_parse_*` handler, DirectiveInfo.parser), valid values, invalid values and edge cases (empty,
 * specifiers, prefixes, overflow, whitespace, quotes) on a representative set of settings of that kind — every
 * [Service] setting, and the settings of the other unit types where the kind has no [Service] setting.
 * Each case is one unit file; one `systemd-analyze verify` over all of them says which lines systemd refuses,
 * and the library's lint says which lines unitlint errors on. Used by test/values/sweep-differential.test.ts
 * and scripts/value-sweep.ts (which prints and documents the figures).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { lint } from "../../../src/index.js";
import { directivesOfSection, enumInfo, type DirectiveInfo } from "../../../src/knowledge/directives.js";
import { PERSONALITY_HOSTS } from "../../../src/knowledge/string-tables.js";
import { runSystemdAnalyze } from "../../calendar/support/systemd-analyze.js";
import { VALUE_CORPUS } from "./value-corpus.js";

export interface SweepCase {
  kind: string;
  section: string;
  setting: string;
  value: string;
  path: string;
  text: string;
  line: number;
}

export interface SweepOutcome extends SweepCase {
  /** systemd logged the case's line as bad (its messages, joined). */
  systemd: string | undefined;
  /** unitlint's error findings on the line (rule: message). */
  unitlint: string | undefined;
}

/** Edge cases every kind gets. */
const EDGES = [
  "",
  "%n",
  "%i",
  "x%",
  "%",
  "%%",
  "-",
  "+",
  "~",
  "!",
  "|",
  "18446744073709551616",
  "4294967296",
  "'x'",
  '"x"',
  "'x",
  "yes",
  "no",
  "0",
  "1",
  "-1",
  "infinity",
  "/tmp/x",
  "x y",
  "\\x",
  "@x",
  "5s",
];

/** Values per systemd handler (kind), beyond the edge cases and the hand corpus. */
const BY_KIND: Record<string, string[]> = {
  bool: ["true", "false", "on", "off", "y", "n", "t", "f", "YES", "On", "maybe", "2", "yes no"],
  sec: ["5", "5min 3s", "1h30min", "0", "5 s", "5x", "-5", "1.5s", "1e3", "5us", "5ns", "5 min", "1y", "1M", "5m"],
  nsec: ["1ns", "1", "1us", "0", "x", "1.5ns", "5min"],
  unsigned: ["4294967295", "0x10", "010", "+1", "1.5", " 7"],
  int: ["2147483647", "2147483648", "-2147483648", "-2147483649", "x", "0x10", "+3"],
  long: ["9223372036854775807", "9223372036854775808", "-9223372036854775809", "x"],
  exec_nice: ["-20", "19", "20", "-21", "+5", "0x1", "-0", "5 "],
  exec_oom_score_adjust: ["-1000", "1000", "1001", "-1001", "+5", "0x10"],
  exec_io_priority: ["7", "8", "+7", "0x1"],
  exec_cpu_sched_prio: ["99", "100", "50", "+5", "0x1"],
  exec_io_class: ["realtime", "best-effort", "idle", "none", "3", "4", "RT", "2"],
  swap_priority: ["32767", "32768", "-2", "100"],
  mode: ["0022", "022", "0777", "07777", "017777", "8", "0o22", "u=rwx", "0x1ff", "777"],
  signal: ["SIGTERM", "TERM", "15", "65", "64", "SIGRTMIN+1", "SIGRTMAX", "SIGFOO", "sigterm", "RTMIN+3", "SIGRTMIN+40", "SIGKILL"],
  exit_status: ["255", "256", "x", "SIGTERM"],
  set_status: ["0 1", "SIGTERM", "TEMPFAIL", "256", "FOO", "sigterm", "1 SIGKILL 255", "SIGFOO", "tempfail"],
  cg_weight: ["10000", "10001", "idle", "100"],
  cg_cpu_weight: ["10000", "10001", "idle", "IDLE", "100"],
  cpu_quota: ["20%", "150%", "0%", "20", "1.5%", "100000%", "x%"],
  tasks_max: ["100", "50%", "101%", "x", "0%"],
  user_group_compat: ["root", "nobody", "65535", "4294967294", "4294967295", "a:b", "a b", "-x", "1x", "a.b", "_x", "x$"],
  user_group_strv_compat: ["root nobody", "root a:b", "65535", "4294967295"],
  unit_deps: ["a.service", "foo", "a.service b.target", "a@.service", "a@b.service", "-a.service", "a.service,b.service", ".service"],
  obsolete_unit_deps: ["a.service", "foo"],
  unit_path_printf: ["/x", "x", "/x/../y", "~/x", "-/x", "/x/", "//x"],
  unit_path_strv_printf: ["/x /y", "x", "/x/../y"],
  unit_requires_mounts_for: ["/x /y", "x", "/x/../y"],
  working_directory: ["~", "-/x", "x", "-~", "/x/../y", "~/x", "-"],
  unit_env_file: ["-/x", "x", "-x", "/x/../y"],
  exec: [
    "/bin/true",
    "true",
    "-/bin/true",
    "@/bin/true x",
    "+/bin/true",
    "!!/bin/true",
    "!/bin/true",
    ":/bin/true",
    "/bin/echo a\\; b",
    "/bin/echo a ; /bin/true",
    "/bin/echo \\q",
    "/bin/echo 'x",
    "|/bin/true",
    "/bin/echo %n",
    "/bin/echo %",
    "/bin/echo \\x41",
    "/bin/echo a;",
    ";",
    "/bin/true ;",
    "-@/bin/true x",
    "@-/bin/true x",
    "--/bin/true",
    '/bin/echo "a b" c',
    "/bin/echo $X ${Y}",
    "bin/true",
    "../bin/true",
    "/bin/echo \\w",
    "/bin/echo x \\; y",
  ],
  socket_listen: [
    "80",
    "65535",
    "65536",
    "127.0.0.1:80",
    "[::1]:80",
    "::1:80",
    "/run/x.sock",
    "@abstract",
    "vsock:2:80",
    "vsock:4294967295:80",
    "vsock:x:80",
    "x",
    "80x",
    "foo:80",
    "127.0.0.1",
    "[::1]",
    "1.2.3.4:0",
    "1.2.3.4:70000",
    "vsock:2",
    "vsock::80",
    "@",
    "/",
    "[fe80::1%lo]:80",
    "0.0.0.0:80",
    "*:80",
    " 80",
    "localhost:80",
    "vsock:-1:80",
    "vsock:4294967296:80",
    "vsock:1:4294967296",
  ],
  socket_bindtodevice: ["eth0", "lo", "abcdefghijklmnop", "abcdefghijklmno", "a b", "a/b", ".", "a:b"],
  trigger_unit: ["x.service", "x.timer", "foo", "x.target", "x@.service", "x@y.service"],
  path_spec: ["/x", "x", "/x/../y", "/x*", "/x/"],
  unit_condition_path: ["/x", "!/x", "|/x", "|!/x", "x", "!x", "!|/x", "/x/../y"],
  unit_condition_string: ["x86-64", "!x86-64", "|x86-64", "bogus"],
  timer: ["daily", "bogus", "*-*-* 00:00", "5min", "1h 5x", "Mon..Fri 9:00"],
  documentation: ["https://x", "man:systemd(1)", "file:/x", "info:x", "ftp://x", "http://x https://y", "x:y"],
  unit_slice: ["x.slice", "x.service", "-.slice", "foo", "a-b.slice", "a--b.slice", "-a.slice"],
  log_extra_fields: ["FOO=bar", "foo=bar", "FOO", "_FOO=x", "F-B=1", "FOO= ", "A=1 B=2"],
  exec_coredump_filter: ["private-anonymous", "all", "0x33", "bogus", "default", "33", "0xfffffffff"],
  exec_root_hash: ["abcd", "/x", "xyz", "abc", "x/y"],
  exec_root_hash_sig: ["base64:YWJj", "/x", "base64:!", "x"],
  exec_input_data: ["YWJj", "!!", "YWJ"],
  exec_input_text: ["hello", "a\\nb", "\\q"],
  log_namespace: ["foo", "a b", "a/b", "-"],
  fdname: ["foo", "a:b", "a b", "abcdefghijklmnopqrstuvwxyz0123456789"],
  bus_name: ["org.example.Foo", "foo", "a..b", "org.example.foo-bar", ":1.1"],
  colon_separated_paths: ["/usr/bin:/bin", "/usr/bin:bin", "/x::/y"],
  exec_apparmor_profile: ["foo", "-foo"],
  exec_selinux_context: ["foo", "-foo"],
  exec_smack_process_label: ["foo", "-foo"],
  extension_images: ["/x.raw", "-/x.raw", "x.raw", "/x.raw root:ro"],
  mount_images: ["/x.raw:/y", "/x.raw", "-/x.raw:/y", "/x.raw:y"],
  root_image_options: ["root:ro", "bogus:ro", "ro"],
  ip_tos: ["low-delay", "throughput", "255", "256", "bogus"],
  unit_string_printf: ["foo bar", "%Z"],
  string: ["cubic", "a b"],
  socket_service: ["x.service", "x.socket", "foo", "x@.service"],
  service_sockets: ["x.socket", "x.service", "foo"],
  job_running_timeout_sec: ["5min", "x"],
  job_timeout_sec: ["5min", "x"],
  sec_fix_0: ["5min", "x", "0"],
  sec_def_infinity: ["5ms", "x", "0"],
  service_timeout: ["5min", "x", "0"],
  service_timeout_abort: ["5min", "x", "0"],
  managed_oom_mem_pressure_limit: ["50%", "100%", "101%", "50", "x"],
  tty_size: ["80", "65535", "65536", "x"],
  job_mode_isolate: ["yes", "x"],
  exec_mount_apivfs: ["yes", "x"],
  pid_file: ["/run/x.pid", "x.pid", "/run/../x"],
};

/** Hand-corpus settings whose values also serve their kind (their handler). */
function corpusValues(setting: string): string[] {
  return VALUE_CORPUS[setting] ?? [];
}

function enumValues(name: string): string[] {
  const e = enumInfo(name);
  if (!e) return [];
  const vals = e.values.slice(0, 12);
  const first = vals[0] ?? "x";
  return [...vals, first.toUpperCase(), first + "x", first.slice(1), "bogus"];
}

/** Where a setting of a section goes: the unit type, its other lines, and a file name per case. */
const UNIT_OF: Record<string, { type: string; name: (i: number) => string; body: (i: number) => string }> = {
  Unit: { type: "service", name: (i) => `sweep-${i}.service`, body: () => "[Service]\nExecStart=/usr/bin/true\n" },
  Install: { type: "service", name: (i) => `sweep-${i}.service`, body: () => "[Service]\nExecStart=/usr/bin/true\n" },
  Service: { type: "service", name: (i) => `sweep-${i}.service`, body: () => "ExecStart=/usr/bin/true\n" },
  Socket: { type: "socket", name: (i) => `sweep-${i}.socket`, body: () => "ListenStream=/run/sweep.sock\n" },
  Timer: { type: "timer", name: (i) => `sweep-${i}.timer`, body: () => "OnActiveSec=1h\n" },
  Path: { type: "path", name: (i) => `sweep-${i}.path`, body: () => "PathExists=/tmp\n" },
  Mount: { type: "mount", name: (i) => `mnt-sweep${i}.mount`, body: (i) => `What=/dev/sweep${i}\nWhere=/mnt/sweep${i}\n` },
  Swap: { type: "swap", name: (i) => `dev-sweep${i}.swap`, body: (i) => `What=/dev/sweep${i}\n` },
  Slice: { type: "slice", name: (i) => `sweep-${i}.slice`, body: () => "" },
  Automount: { type: "automount", name: (i) => `mnt-sweep${i}.automount`, body: (i) => `Where=/mnt/sweep${i}\n` },
};

/** Settings whose own line the unit's other lines would duplicate, or whose case changes the unit's identity. */
const SKIP = new Set(["Service.ExecStart", "Mount.What", "Mount.Where", "Swap.What", "Automount.Where", "Socket.ListenStream"]);

/** The representative settings per kind: every [Service] one, else every setting of the kind in other sections. */
export function sweepSettings(): { kind: string; info: DirectiveInfo }[] {
  const all = Object.keys(UNIT_OF)
    .flatMap((s) => directivesOfSection(s))
    .filter((d) => d.inV252 === "yes" && !d.valueType.startsWith("ignored") && d.parser !== "NULL");
  const kinds = new Map<string, DirectiveInfo[]>();
  for (const d of all) (kinds.get(d.parser) ?? kinds.set(d.parser, []).get(d.parser)!).push(d);
  const out: { kind: string; info: DirectiveInfo }[] = [];
  for (const [kind, ds] of [...kinds].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const inService = ds.filter((d) => d.section === "Service" && !SKIP.has(`${d.section}.${d.name}`));
    const chosen = inService.length ? inService : ds.filter((d) => !SKIP.has(`${d.section}.${d.name}`));
    // ExecStart= stays the units' own start line; Listen*= of sockets are their own cases (the socket gets no other).
    if (kind === "socket_listen") chosen.push(...ds.filter((d) => d.section === "Socket" && d.name === "ListenStream"));
    for (const info of chosen) out.push({ kind, info });
  }
  return out;
}

/** Values for one setting: the edge cases, its kind's values, the hand corpus's values for it, and its enum values. */
export function sweepValues(kind: string, info: DirectiveInfo): string[] {
  const values = [...EDGES, ...(BY_KIND[kind] ?? []), ...corpusValues(info.name), ...enumValues(info.name)];
  // A trailing backslash continues the line (systemd then reports the next line); whitespace around the value is stripped.
  return [...new Set(values.filter((v) => !v.endsWith("\\") && !v.includes("\n")))];
}

/** Writes every case into `dir` (one unit each). */
export function writeSweep(dir: string): SweepCase[] {
  const cases: SweepCase[] = [];
  let i = 0;
  for (const { kind, info } of sweepSettings()) {
    for (const value of sweepValues(kind, info)) {
      const u = UNIT_OF[info.section]!;
      const n = i++;
      const path = join(dir, u.name(n));
      let text: string;
      let line: number;
      if (info.section === "Unit" || info.section === "Install") {
        text = `[${info.section}]\n${info.name}=${value}\n${u.body(n)}`;
        line = 2;
      } else if (info.section === "Socket" && info.parser === "socket_listen") {
        text = `[Socket]\n${info.name}=${value}\n`;
        line = 2;
      } else {
        const body = u.body(n);
        text = `[${info.section}]\n${body}${info.name}=${value}\n`;
        line = 2 + body.split("\n").length - 1;
      }
      writeFileSync(path, text);
      cases.push({ kind, section: info.section, setting: info.name, value, path, text, line });
    }
  }
  return cases;
}

/**
 * Messages on a line that do not mean the value was dropped: systemd warns and still uses the line.
 * Each was checked against systemd 252's sources (extract-word.c, load-fragment.c).
 */
const NOT_A_REFUSAL = [
  /Ignoring unknown escape sequences/,
  // KillMode=none is taken, with a warning that it is unsafe (values/deprecated-value reports it).
  /Unit uses KillMode=none/,
  // RequiresOverridable= and RequisiteOverridable= are taken as Requires=/Requisite= (directives/deprecated-directive).
  /is obsolete, replacing by/,
  // User=nobody is taken, with a warning that it is unsafe (loading/invalid-user-group warns the same).
  /Special user nobody configured/,
];

/** Runs systemd-analyze over the cases and lints them; the outcome of each case. */
export function judgeSweep(cases: SweepCase[]): SweepOutcome[] {
  const out = runSystemdAnalyze(["verify", "--man=no", "--recursive-errors=no", ...cases.map((c) => c.path)], undefined, { SYSTEMD_LOG_LEVEL: "info" });
  const lineOf = new Map(cases.map((c) => [c.path, c.line]));
  const refused = new Map<string, string[]>();
  for (const m of out.stderr.matchAll(/^(\/[^:\n]+):(\d+): (.*)$/gm)) {
    if (Number(m[2]) !== lineOf.get(m[1]!)) continue;
    if (NOT_A_REFUSAL.some((re) => re.test(m[3]!))) continue;
    (refused.get(m[1]!) ?? refused.set(m[1]!, []).get(m[1]!)!).push(m[3]!);
  }
  const errors = new Map<string, string[]>();
  // The judge is systemd 252, so unitlint lints for that target (directives/newer-than-target reports newer values).
  for (const f of lint(
    cases.map((c) => ({ path: c.path, text: c.text })),
    { settings: { targetSystemd: [252] } },
  ).findings) {
    if (f.severity !== "error" || f.line !== lineOf.get(f.file)) continue;
    (errors.get(f.file) ?? errors.set(f.file, []).get(f.file)!).push(`${f.rule}: ${f.message}`);
  }
  return cases.map((c) => ({ ...c, systemd: refused.get(c.path)?.join(" | "), unitlint: errors.get(c.path)?.join(" | ") }));
}

export interface KindFigures {
  kind: string;
  settings: number;
  cases: number;
  refused: number;
  caught: number;
  falseAlarms: number;
  /** False alarms reviewed as unitlint being right (UNITLINT_RIGHT). */
  reviewed: number;
}

export function figures(outcomes: SweepOutcome[]): KindFigures[] {
  const by = new Map<string, KindFigures & { names: Set<string> }>();
  for (const o of outcomes) {
    let k = by.get(o.kind);
    if (!k) by.set(o.kind, (k = { kind: o.kind, settings: 0, cases: 0, refused: 0, caught: 0, falseAlarms: 0, reviewed: 0, names: new Set() }));
    k.names.add(`${o.section}.${o.setting}`);
    k.cases++;
    if (o.systemd !== undefined) k.refused++;
    if (o.systemd !== undefined && o.unitlint !== undefined) k.caught++;
    if (o.systemd === undefined && o.unitlint !== undefined) k.falseAlarms++;
    if (o.systemd === undefined && o.unitlint !== undefined && UNITLINT_RIGHT.some((r) => r.test(o))) k.reviewed++;
  }
  return [...by.values()].map(({ names, ...k }) => ({ ...k, settings: names.size }));
}

/** A disagreement as one line, for test output and the script. */
export function describeOutcome(o: SweepOutcome): string {
  const why = o.systemd !== undefined ? `systemd: ${o.systemd}` : `unitlint: ${o.unitlint}`;
  return `[${o.kind}] ${o.section}.${o.setting}=${o.value}  systemd ${o.systemd !== undefined ? "refuses" : "takes"} it, unitlint ${o.unitlint !== undefined ? "errors" : "does not"} (${why})`;
}

/**
 * Reviewed disagreements where unitlint is right and systemd-analyze is silent.
 */
export const UNITLINT_RIGHT: { why: string; test: (o: SweepOutcome) => boolean }[] = [
  {
    // verify --recursive-errors=no runs the manager with MANAGER_TEST_RUN_IGNORE_DEPENDENCIES, so
    // unit_add_dependency_by_name() returns before it checks the name; a real manager logs
    // "Failed to add dependency on NAME, ignoring" for these.
    why: "dependency names are not checked by verify --recursive-errors=no",
    test: (o) => (o.kind === "unit_deps" || o.kind === "obsolete_unit_deps") && o.systemd === undefined && /is not a unit name/.test(o.unitlint ?? ""),
  },
  {
    // Type=dbus without BusName= refuses the whole unit ("Service is of type D-Bus but no D-Bus service name has
    // been specified. Refusing."), a message without a line number; unitlint puts the error on the Type= line.
    why: "unit refused without a line number",
    test: (o) => o.setting === "Type" && o.value === "dbus",
  },
];

/**
 * Reviewed disagreements where systemd's verdict depends on the machine it runs on, so that the judge (systemd 252
 * on x86-64) refusing a line does not make it wrong everywhere; unitlint warns there instead of erroring.
 */
export const HOST_DEPENDENT: { why: string; test: (o: SweepOutcome) => boolean }[] = [
  {
    // personality_from_string() takes only the build's native architecture and its secondary one (x86-64 and x86
    // here); every other name of its table is some machine's native architecture. values/invalid-value warns and
    // names the machines that take it; names no systemd 252 build takes (cris...) are errors and agree.
    why: "Personality= takes only the architectures of the machine systemd runs on",
    test: (o) =>
      o.kind === "personality" &&
      o.systemd !== undefined &&
      o.unitlint === undefined &&
      /Failed to parse personality/.test(o.systemd) &&
      (PERSONALITY_HOSTS[o.value]?.length ?? 0) > 0,
  },
  {
    // %l is the host's short name: whether "[fe80::1%lo]:80" is still an address once it is put in depends on that
    // name (a name of hex digits would make it one); unitlint judges only what specifiers are known to expand to.
    why: "a host-name specifier inside a socket address: whether it parses depends on the host's name",
    test: (o) => o.kind === "socket_listen" && o.systemd !== undefined && o.unitlint === undefined && /%[lHbmo]/.test(o.value),
  },
];

/** The disagreements that are not reviewed (as unitlint being right, or as depending on the host). */
export function openDisagreements(outcomes: SweepOutcome[]): SweepOutcome[] {
  return outcomes.filter(
    (o) => (o.systemd !== undefined) !== (o.unitlint !== undefined) && !UNITLINT_RIGHT.some((r) => r.test(o)) && !HOST_DEPENDENT.some((r) => r.test(o)),
  );
}

/** Open disagreements per kind (the test's baseline). */
export function openByKind(outcomes: SweepOutcome[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const o of openDisagreements(outcomes)) out[o.kind] = (out[o.kind] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}
