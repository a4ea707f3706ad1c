import { parseCalendar } from "../calendar/index.js";
import { splitCommand } from "../crontab/command.js";
import type { CrontabFile } from "../crontab/index.js";
import { enumInfo } from "../knowledge/directives.js";
import { SYSTEMD_SYSTEM_UNITS, SYSTEMD_USER_UNITS } from "../knowledge/systemd-units.generated.js";
import { SPECIAL_UNITS } from "../knowledge/special-units.js";
import { REFERENCE_SYSTEMD } from "../knowledge/reference.js";
import { parseUnitName } from "../model/unit-name.js";
import type { EntryNode } from "../parser/unit/ast.js";
import { valueSubRange } from "../parser/unit/index.js";
import type { HoverResult } from "./hover-result.js";

/** A unit of the workspace, as a hover names it. */
export interface WorkspaceUnit {
  /** The file as the workspace shows it (relative to its root). */
  path: string;
  description?: string;
}

/** Finds a unit (or, for an instance, its template) among the workspace's files. */
export type UnitLookup = (name: string) => WorkspaceUnit | undefined;

/** The word of a value under `at` (values of dependency settings are space-separated unit names). */
function wordAt(value: string, at: number): { start: number; end: number } | null {
  let s = at;
  let e = at;
  while (s > 0 && !/\s/.test(value[s - 1]!)) s--;
  while (e < value.length && !/\s/.test(value[e]!)) e++;
  return e > s ? { start: s, end: e } : null;
}

/** Hover on a unit name in Wants=, After=, WantedBy=…: where the unit is, what it is, or that nothing provides it. */
export function unitNameHover(entry: EntryNode, at: number, lookup: UnitLookup | undefined): HoverResult | null {
  const w = wordAt(entry.value, at);
  if (!w) return null;
  const name = entry.value.slice(w.start, w.end);
  const range = valueSubRange(entry, w.start, w.end);
  if (name.includes("%")) return null; // a specifier's hover says what it expands to
  const parsed = parseUnitName(name);
  const found = lookup?.(name) ?? (parsed.template && parsed.template !== name ? lookup?.(parsed.template) : undefined);
  if (found) {
    const from = found.path.endsWith(name) ? "" : ` (from the template \`${parsed.template}\`)`;
    const lines = [`**${name}**${found.description ? `: ${found.description}` : ""}`, "", `Defined in \`${found.path}\`${from}.`];
    return { markdown: lines.join("\n"), range };
  }
  if (SPECIAL_UNITS.includes(name)) return { markdown: `**${name}**: a special unit of systemd (systemd.special(7)).`, range };
  if (SYSTEMD_SYSTEM_UNITS.includes(name) || SYSTEMD_USER_UNITS.includes(name))
    return { markdown: `**${name}**: a unit systemd ${REFERENCE_SYSTEMD} itself ships.`, range };
  if (!parsed.type) return null;
  return {
    markdown: `**${name}** is not among the workspace's units nor systemd's own: unless another package installs it, systemd ignores the dependency (or fails the job, for Requires=).`,
    range,
  };
}

/** Hover on an enumerated value (Restart=on-failure): the setting's other values. */
export function enumValueHover(entry: EntryNode, at: number): HoverResult | null {
  const info = enumInfo(entry.key);
  if (!info) return null;
  const w = wordAt(entry.value, at);
  if (!w) return null;
  const word = entry.value.slice(w.start, w.end);
  const known = info.values.includes(word);
  const lines = [
    known ? `\`${word}\` is one of the values of **${entry.key}=**.` : `\`${word}\` is not a value of **${entry.key}=**.`,
    "",
    `Values: ${info.values.map((v) => (v === word ? `**${v}**` : `\`${v}\``)).join(", ")}${info.acceptsBoolean ? " (and yes/no)" : ""}.`,
  ];
  if (known && info.deprecated.split(/[\s,]+/).includes(word)) lines.push("", `\`${word}\` is deprecated.`);
  return { markdown: lines.join("\n"), range: valueSubRange(entry, w.start, w.end) };
}

/** Hover in a crontab on a command (what the shell runs, what goes to standard input) or a CRON_TZ= line. */
export function crontabLineHover(file: CrontabFile, offset: number): HoverResult | null {
  for (const line of file.lines) {
    if (offset < line.range.start || offset > line.range.end) continue;
    if (line.kind === "env" && line.name.text === "CRON_TZ") {
      const zone = line.value.text.trim();
      // The zone as OnCalendar= would take it: the calendar engine knows this machine's zones.
      const ok = zone !== "" && !/\s/.test(zone) && parseCalendar(`*-*-* 00:00 ${zone}`).ok;
      const markdown = ok
        ? `**CRON_TZ=${zone}**: the schedules of the jobs below this line are read in ${zone} (cronie); the commands still run with the machine's \`TZ\`. An OnCalendar= line takes the zone as a suffix: \`*-*-* 03:00 ${zone}\`.`
        : `**CRON_TZ=${zone}**: not a time zone this machine knows; cronie then reads the schedules in the machine's zone.`;
      return { markdown, range: line.range };
    }
    if (line.kind === "job" && line.command && offset >= line.command.range.start) {
      const cmd = splitCommand(line.command);
      const who = file.format === "system" ? (line.user ? ` as \`${line.user.text}\`` : "") : " as the crontab's owner";
      const lines = [`Runs \`/bin/sh -c ${JSON.stringify(cmd.command.trim())}\`${who}, from the home folder, with cron's short PATH.`];
      if (cmd.stdin !== undefined)
        lines.push(
          "",
          `Everything after the first unescaped \`%\` goes to its standard input, each later \`%\` as a newline: ${JSON.stringify(cmd.stdin)}. Escape a literal percent sign as \`\\%\` (date +\\%F).`,
        );
      lines.push("", "As a service: `ExecStart=/bin/sh -c '…'` (systemd runs no shell of its own), with the schedule in a timer's `OnCalendar=`.");
      return { markdown: lines.join("\n"), range: line.command.range };
    }
  }
  return null;
}
