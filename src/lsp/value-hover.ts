import { formatTimespan, nextElapses, parseTimespan } from "../calendar/index.js";
import { valueSubRange } from "../parser/unit/index.js";
import type { EntryNode } from "../parser/unit/ast.js";
import type { UnitFile } from "../model/unit-file.js";
import type { HoverResult } from "./hover.js";

/** What a specifier expands to in this unit (systemd.unit(5) "Specifiers"), for the names we can know statically. */
function specifierValue(file: UnitFile, spec: string): string | undefined {
  const n = file.name;
  switch (spec) {
    case "%n":
      return n.name;
    case "%N":
      return n.stem;
    case "%p":
      return n.prefix;
    case "%i":
      return n.isInstance ? (n.instance ?? "") : n.isTemplate ? "the instance name (e.g. `email` in `" + n.prefix + "@email." + n.type + "`)" : "empty: this unit is not a template";
    case "%j":
      return n.prefix.split("-").pop();
    case "%%":
      return "a literal `%`";
    default:
      return undefined;
  }
}

/** Settings whose value is a time span (systemd.time(7)); the hover shows the normalized span. */
const TIMESPAN_KEY = /(Sec|USec)$/;

export function valueHover(file: UnitFile, entry: EntryNode, at: number, tz?: string): HoverResult | null {
  const v = entry.value;
  const whole = valueSubRange(entry, 0, v.length);
  if (entry.key === "OnCalendar" && v !== "") {
    const r = nextElapses(v, { count: 5, ...(tz ? { tz } : {}) });
    if (!r.ok && !r.normalized) return { markdown: `**OnCalendar** \`${v}\`: ${r.error ?? "invalid"}`, range: whole };
    const next = r.never ? ["never elapses"] : r.elapses.map((e) => `- ${e.iso}`);
    return { markdown: [`**OnCalendar** normalized: \`${r.normalized}\``, "", "Next elapses:", ...next].join("\n"), range: whole };
  }
  for (const m of v.matchAll(/%./g)) {
    const i = m.index!;
    if (at >= i && at <= i + 2) {
      const meaning = specifierValue(file, m[0]);
      if (meaning) return { markdown: `\`${m[0]}\` expands to ${meaning.includes("`") || meaning.includes(" ") ? meaning : "`" + meaning + "`"} in \`${file.name.name}\``, range: valueSubRange(entry, i, i + 2) };
    }
  }
  if (TIMESPAN_KEY.test(entry.key) && v !== "") {
    const t = parseTimespan(v);
    if (t.ok) return { markdown: `\`${v}\` = \`${formatTimespan(t.usec)}\``, range: whole };
  }
  return null;
}
