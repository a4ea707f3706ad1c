import type { Assignment, EffectiveUnit } from "../../model/effective-unit.js";
import type { Range } from "../../core/range.js";
import type { ReportFile } from "../types.js";
import { execCommandsOf, type ExecCommandSpan } from "../../parser/exec/parse-exec.js";
import { executableProblem } from "../../values/exec-line.js";

export { executableProblem };

/** Service types systemd 252 knows (service_type_table); any other value is ignored with a warning. */
const SERVICE_TYPES_252 = ["simple", "exec", "forking", "oneshot", "dbus", "notify", "idle"];

/** Emergency actions systemd 252 accepts for SuccessAction=/FailureAction= (emergency_action_table). */
const ACTIONS_252 = ["none", "reboot", "reboot-force", "reboot-immediate", "poweroff", "poweroff-force", "poweroff-immediate", "exit", "exit-force"];

/** systemd's parse_boolean(); undefined for anything else (systemd then ignores the line). */
export function parseBoolean(v: string): boolean | undefined {
  const s = v.toLowerCase();
  if (["1", "yes", "y", "true", "t", "on"].includes(s)) return true;
  if (["0", "no", "n", "false", "f", "off"].includes(s)) return false;
  return undefined;
}

/** The last assignment of `key` whose value systemd accepts (`accept`), honouring empty resets. */
export function lastAccepted(u: EffectiveUnit, section: string, key: string, accept: (v: string) => boolean): Assignment | undefined {
  let found: Assignment | undefined;
  for (const a of u.all(section, key)) {
    if (a.value === "") found = undefined;
    else if (accept(a.value)) found = a;
  }
  return found;
}

/**
 * The commands a command setting holds after resets: each line may hold
 * several (`;`); a command systemd cannot parse but may skip (`-` prefix) is
 * not among them.
 */
export function commandsOf(u: EffectiveUnit, section: string, key: string): { a: Assignment; cmd: ExecCommandSpan }[] {
  return u
    .list(section, key)
    .flatMap((a) => execCommandsOf(a.value).map((cmd) => ({ a, cmd })))
    .filter(({ cmd }) => {
      const exe = cmd.words[0]?.text ?? "";
      if (!cmd.prefixes.includes("-") || exe.includes("%")) return true;
      return cmd.unterminatedQuote === undefined && executableProblem(exe) === null && !exe.match(/^[^/].*\//);
    });
}

/**
 * The service type as systemd 252 settles it (service_add_extras()): an
 * accepted Type=, else dbus with BusName=, simple with ExecStart=, else oneshot.
 */
export function serviceType(u: EffectiveUnit): string {
  const t = lastAccepted(u, "Service", "Type", (v) => SERVICE_TYPES_252.includes(v));
  if (t) return t.value;
  if (u.get("Service", "BusName")) return "dbus";
  if (commandsOf(u, "Service", "ExecStart").length > 0) return "simple";
  return "oneshot";
}

/** SuccessAction= as systemd uses it: set to an action other than none. */
export function hasSuccessAction(u: EffectiveUnit): boolean {
  const a = lastAccepted(u, "Unit", "SuccessAction", (v) => ACTIONS_252.includes(v));
  return a !== undefined && a.value !== "none";
}

/** A boolean setting's effective value (invalid lines ignored), or `dflt`. */
export function booleanSetting(u: EffectiveUnit, section: string, key: string, dflt: boolean): boolean {
  const a = lastAccepted(u, section, key, (v) => parseBoolean(v) !== undefined);
  return a ? parseBoolean(a.value)! : dflt;
}

/**
 * Where to report a setting that is missing: the header of `section` in the
 * unit file, else its first line. Null for a drop-in without its unit file
 * (the unit file may well have the setting), and for a file systemd cannot
 * read at all (empty, or a fatal syntax error), which other rules report.
 */
export function missingAt(u: EffectiveUnit, section: string): { file: ReportFile; range: Range } | null {
  if (!u.main || u.main.source.text === "") return null; // an empty file is masked: loading/empty-unit
  // systemd stops reading at a fatal syntax error (bad section header, invalid UTF-8...): the syntax rule tells
  if (u.files.some((f) => f.problems.some((p) => p.fatal))) return null;
  const s = u.main.ast.sections.find((x) => x.name === section && !x.header.problem);
  return { file: u.main, range: s ? s.header.range : { start: 0, end: 0 } };
}

/**
 * The assignments that make up a list several settings share (a socket's ports
 * from all Listen*= settings, a timer's triggers, a path unit's paths): systemd
 * adds each line in load order, and an empty value of any of them empties the
 * whole list. Lines `accept` rejects are ignored, as systemd ignores values it
 * cannot parse.
 */
export function sharedList(
  u: EffectiveUnit,
  section: string,
  keys: readonly string[],
  accept: (key: string, value: string) => boolean = () => true,
): Assignment[] {
  let out: Assignment[] = [];
  for (const a of u.assignments) {
    if (a.section !== section || !keys.includes(a.key)) continue;
    if (a.value === "") out = [];
    else if (accept(a.key, a.value)) out.push(a);
  }
  return out;
}
