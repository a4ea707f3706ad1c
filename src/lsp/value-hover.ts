import { formatTimespan, nextElapses, parseCalendar, parseCron, parseTimespan } from "../calendar/index.js";
import type { Range } from "../core/range.js";
import { calendarPartHover, cronFieldHover, type ScheduleHoverOptions } from "./schedule-hover.js";
import { valueSubRange } from "../parser/unit/index.js";
import type { EntryNode } from "../parser/unit/ast.js";
import type { UnitFile } from "../model/unit-file.js";
import type { HoverResult } from "./hover-result.js";
import { SPECIFIERS } from "../knowledge/directives.js";

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
      return n.isInstance
        ? (n.instance ?? "")
        : n.isTemplate
          ? "the instance name (e.g. `email` in `" + n.prefix + "@email." + n.type + "`)"
          : "empty: this unit is not a template";
    case "%j":
      return n.prefix.split("-").pop();
    case "%I":
      return n.isInstance
        ? unescapeName(n.instance ?? "")
        : n.isTemplate
          ? "the instance name, unescaped (`-` becomes `/`)"
          : "empty: this unit is not a template";
    case "%P":
      return unescapeName(n.prefix);
    case "%J":
      return unescapeName(n.prefix.split("-").pop() ?? "");
    case "%f":
      return n.isTemplate && !n.isInstance ? "`/` and the unescaped instance name" : "/" + unescapeName(n.isInstance ? (n.instance ?? "") : n.prefix);
    case "%%":
      return "a literal `%`";
    default:
      return undefined;
  }
}

/** systemd's unit_name_unescape(): `-` stands for `/`, `\xNN` for a byte. */
function unescapeName(s: string): string {
  return s.replace(/-/g, "/").replace(/\\x([0-9a-fA-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Settings whose value is a time span (systemd.time(7)); the hover shows the normalized span. */
const TIMESPAN_KEY = /(Sec|USec)$/;

export function valueHover(file: UnitFile, entry: EntryNode, at: number, opts: ScheduleHoverOptions = {}): HoverResult | null {
  const v = entry.value;
  const whole = valueSubRange(entry, 0, v.length);
  const tz = opts.tz;
  if (entry.key === "OnCalendar" && v !== "") {
    const sub = (r: Range) => valueSubRange(entry, r.start, r.end);
    // one component of a valid spec, explained
    const part = calendarPartHover(v, at, opts);
    if (part) return { markdown: part.markdown, range: sub(part.range) };
    // a cron expression pasted into OnCalendar=: explain the field and give the spec to write instead
    const cron = parseCron(v);
    if (cron.ok && !cron.cron.command && !parseCalendar(v, tz ? { tz } : {}).ok) {
      const h = cronFieldHover(cron.cron, at, { start: 0, end: v.length }, opts, "This is a **cron expression**: systemd rejects it in `OnCalendar=`.");
      if (h) return { markdown: h.markdown, range: sub(h.range) };
    }
    const r = nextElapses(v, { count: 5, ...(tz ? { tz } : {}), ...(opts.now ? { base: opts.now } : {}) });
    if (!r.ok && !r.normalized) return { markdown: `**OnCalendar** \`${v}\`: ${r.error ?? "invalid"}`, range: whole };
    const next = r.never ? ["never elapses"] : r.elapses.map((e) => `- ${e.iso}`);
    return { markdown: [`**OnCalendar** normalized: \`${r.normalized}\``, "", "Next elapses:", ...next].join("\n"), range: whole };
  }
  for (const m of v.matchAll(/%./g)) {
    const i = m.index;
    if (at >= i && at <= i + 2) {
      const meaning = specifierValue(file, m[0]);
      const known = SPECIFIERS.find((s) => s.specifier === m[0]);
      if (!meaning && known)
        return {
          markdown: `\`${m[0]}\`: ${/^[A-Z][a-z]/.test(known.meaning) ? known.meaning[0]!.toLowerCase() + known.meaning.slice(1) : known.meaning}, filled in by systemd when it loads the unit (not known from the file alone)`,
          range: valueSubRange(entry, i, i + 2),
        };
      if (meaning)
        return {
          markdown: `\`${m[0]}\` expands to ${meaning.includes("`") || meaning.includes(" ") ? meaning : "`" + meaning + "`"} in \`${file.name.name}\``,
          range: valueSubRange(entry, i, i + 2),
        };
    }
  }
  if (TIMESPAN_KEY.test(entry.key) && v !== "") {
    const t = parseTimespan(v);
    if (t.ok) return { markdown: `\`${v}\` = \`${formatTimespan(t.usec)}\``, range: whole };
  }
  return null;
}
