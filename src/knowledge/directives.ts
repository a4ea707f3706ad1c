import type { UnitType } from "./unit-types.js";
import { DIRECTIVE_ROWS_JSON_BY_SECTION, VALUE_TYPES, type DirectiveRow } from "./directives.generated.js";
import { ENUM_ROWS } from "./enums.generated.js";
import { SPECIFIER_ROWS } from "./specifiers.generated.js";
import { sectionsFor } from "./sections.js";

type DirectiveStatus = "current" | "deprecated" | "obsolete" | "removed";

export interface DirectiveInfo {
  section: string;
  name: string;
  /** `exec`, `kill` or `cgroup` for settings shared by several unit types. */
  context: string;
  valueType: string;
  isList: boolean;
  status: DirectiveStatus;
  /** What to use instead; `[Unit] X` means the setting moved to [Unit]. */
  replacement: string;
  /** First systemd release that had it; null when older than the records (before 183). */
  since: number | null;
  /** Present in systemd 252's parser table ("ignored": accepted but ignored there). */
  inV252: "yes" | "no" | "ignored";
  /** What the installed systemd 252 did with it: accepted, deprecation warning, ignored, unknown key. */
  v252: "accepted" | "warning" | "ignored" | "unknown" | "not-checkable";
  notes: string;
  /** systemd resolves %-specifiers in the value. */
  specifiers: boolean;
  /** systemd 252's parser for the value, without `config_parse_` (e.g. `syscall_filter`); the newest parser for settings 252 lacks. */
  parser: string;
  /** The parser's ltype argument (e.g. `RLIMIT_NOFILE`), or "". */
  ltype: string;
}

export interface EnumInfo {
  directive: string;
  sections: readonly string[];
  values: readonly string[];
  acceptsBoolean: boolean;
  deprecated: string;
  newSinceV252: readonly string[];
}

const STATUS: Record<string, DirectiveStatus> = { c: "current", d: "deprecated", o: "obsolete", r: "removed" };
const IN252 = { y: "yes", n: "no", i: "ignored" } as const;
const V252 = { a: "accepted", w: "warning", i: "ignored", u: "unknown", x: "not-checkable" } as const;

/** Each section's rows, parsed from its JSON text when the section is first asked for. */
const rowsBySection = new Map<string, DirectiveRow[]>();
/** Each section's directives, built when the section is first asked for. */
const bySection = new Map<string, Map<string, DirectiveInfo>>();
let byName: Map<string, DirectiveInfo[]> | undefined;

function sectionRows(section: string): DirectiveRow[] | undefined {
  let list = rowsBySection.get(section);
  if (list) return list;
  const json = Object.hasOwn(DIRECTIVE_ROWS_JSON_BY_SECTION, section) ? DIRECTIVE_ROWS_JSON_BY_SECTION[section] : undefined;
  if (json === undefined) return undefined;
  rowsBySection.set(section, (list = JSON.parse(json) as DirectiveRow[]));
  return list;
}

/** Every row, in the tables' order. */
function allRows(): DirectiveRow[] {
  return Object.keys(DIRECTIVE_ROWS_JSON_BY_SECTION).flatMap((section) => sectionRows(section)!);
}

function infoOf(r: DirectiveRow): DirectiveInfo {
  return {
    section: r[0],
    name: r[1],
    context: r[2],
    valueType: VALUE_TYPES[r[3]] ?? "",
    isList: r[4] === 1,
    status: STATUS[r[5]] ?? "current",
    replacement: r[6],
    since: r[7],
    inV252: IN252[r[8]],
    v252: V252[r[9]],
    notes: r[10],
    specifiers: r[11] === 1,
    parser: r[12],
    ltype: r[13],
  };
}

/**
 * A section's directives by name, built on first use: the tables are large
 * and most runs of the CLI touch only a few sections (a one-file run built
 * every section's, some milliseconds of its start-up).
 */
function sectionIndex(section: string): Map<string, DirectiveInfo> | undefined {
  const hit = bySection.get(section);
  if (hit) return hit;
  const list = sectionRows(section);
  if (!list) return undefined;
  const infos = new Map<string, DirectiveInfo>();
  for (const r of list) infos.set(r[1], infoOf(r));
  bySection.set(section, infos);
  return infos;
}

/** Every directive by name, in the tables' order (the same objects as `sectionIndex`'s). */
function nameIndex(): Map<string, DirectiveInfo[]> {
  if (byName) return byName;
  byName = new Map();
  for (const r of allRows()) {
    const info = sectionIndex(r[0])!.get(r[1])!;
    let n = byName.get(info.name);
    if (!n) byName.set(info.name, (n = []));
    n.push(info);
  }
  return byName;
}

/** The directive `key` of `[section]`, exactly as spelled (systemd's keys are case-sensitive). */
export function directiveInfo(section: string, key: string): DirectiveInfo | undefined {
  return sectionIndex(section)?.get(key);
}

/** Every section that has a directive of this name. */
export function sectionsWithDirective(key: string): DirectiveInfo[] {
  return nameIndex().get(key) ?? [];
}

/** Directives of a section (all statuses), in name order. */
export function directivesOfSection(section: string): DirectiveInfo[] {
  return [...(sectionIndex(section)?.values() ?? [])].sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Directives allowed in a section of a unit type (sections not belonging to the type have none). */
export function directivesFor(type: UnitType | null, section: string): DirectiveInfo[] {
  return sectionsFor(type).includes(section) ? directivesOfSection(section) : [];
}

export function isListDirective(section: string, key: string): boolean {
  return directiveInfo(section, key)?.isList ?? false;
}

let enums: Map<string, EnumInfo> | undefined;
export function enumInfo(directive: string): EnumInfo | undefined {
  if (!enums) {
    enums = new Map(
      ENUM_ROWS.map((r) => [r[0], { directive: r[0], sections: r[1], values: r[2], acceptsBoolean: r[3] === 1, deprecated: r[4], newSinceV252: r[5] }]),
    );
  }
  return enums.get(directive);
}

/**
 * Newer values the enum table (../shared/systemd/enums.tsv) lists without marking them as new since 252:
 * parse_ip_protocol() of systemd 252 (src/shared/ip-protocol-list.c, SocketProtocol=) takes udplite and sctp only.
 */
const UNMARKED_NEWER_THAN_252: Readonly<Record<string, readonly string[]>> = { SocketProtocol: ["mptcp"] };

/**
 * Values of a setting that systemd 252 refuses because a later release added them: the enum table's own list,
 * and, where 252 still parsed the setting as a plain boolean (PrivateTmp=, PrivateUsers=, ProtectHostname=,
 * ProtectControlGroups=), every value of the newer enum that is not a boolean. `private:HOSTNAME` stands for
 * any `private:` value.
 */
export function valuesNewerThan252(info: DirectiveInfo): readonly string[] {
  const e = enumInfo(info.name);
  if (!e) return [];
  if (info.parser !== "bool") return [...e.newSinceV252, ...(UNMARKED_NEWER_THAN_252[info.name] ?? [])];
  return [...new Set([...e.newSinceV252, ...e.values.filter((v) => !["yes", "no", "true", "false", "on", "off", "1", "0"].includes(v))])];
}

/** Whether `value` is one of `values`, reading `NAME:PLACEHOLDER` entries as any `NAME:` value. */
export function isAmongValues(value: string, values: readonly string[]): boolean {
  return values.some((v) => v === value || (/^[a-z-]+:[A-Z]+$/.test(v) && value.startsWith(v.slice(0, v.indexOf(":") + 1))));
}

export interface SpecifierInfo {
  specifier: string;
  meaning: string;
  since: number | null;
  status: string;
}

export const SPECIFIERS: readonly SpecifierInfo[] = SPECIFIER_ROWS.map((r) => ({ specifier: r[0], meaning: r[1], since: r[2], status: r[3] }));
