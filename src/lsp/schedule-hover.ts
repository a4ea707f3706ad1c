/**
 * Hover text for schedules: one field of a cron expression (in a crontab or
 * pasted into OnCalendar=) and one component of an OnCalendar= spec, each
 * explained in words, with the equivalent OnCalendar= lines and the next runs.
 * Pure functions over offsets in the schedule text; the callers map ranges.
 */
import { nextCronRuns, nextElapses, parseCalendar, type CronExpression } from "../calendar/index.js";
import { CRON_FIELDS, type CronField, type CronFieldName, type CronItemNode, cronToCalendarLines } from "../calendar/index.js";
import type { ChainNode, ComponentNode } from "../calendar/index.js";
import { closeOpenRepetitions } from "../crontab/schedule.js";
import type { Range } from "../core/range.js";

export interface ScheduleHoverOptions {
  /** zone of the runs (default: the local zone) */
  tz?: string;
  /** start of the "next runs" search (default: the clock) */
  now?: Date;
  /** how many runs to list (default 5) */
  count?: number;
}

interface ScheduleHover {
  markdown: string;
  /** in the coordinates of the schedule text given */
  range: Range;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
/** cron numbering: 0 and 7 are Sunday */
const CRON_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
/** systemd numbering: 0 is Monday */
const CAL_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

const CRON_FIELD_LABEL: Record<CronFieldName, string> = {
  minute: "minute",
  hour: "hour",
  dayOfMonth: "day of month",
  month: "month",
  dayOfWeek: "day of week",
};

const EVERY: Record<CronFieldName, string> = {
  minute: "every minute",
  hour: "every hour",
  dayOfMonth: "every day of the month",
  month: "every month",
  dayOfWeek: "every day of the week",
};
const PLURAL: Record<CronFieldName, string> = {
  minute: "minutes",
  hour: "hours",
  dayOfMonth: "days of the month",
  month: "months",
  dayOfWeek: "days of the week",
};

function cronValueName(field: CronFieldName, v: number): string {
  if (field === "month") return MONTHS[v - 1] ?? String(v);
  if (field === "dayOfWeek") return CRON_DAYS[v] ?? String(v);
  return String(v);
}

function single(field: CronFieldName, v: number): string {
  switch (field) {
    case "minute":
      return `at minute ${v}`;
    case "hour":
      return `in hour ${v} (${String(v).padStart(2, "0")}:00–${String(v).padStart(2, "0")}:59)`;
    case "dayOfMonth":
      return `day ${v}`;
    case "month":
    case "dayOfWeek":
      return cronValueName(field, v);
  }
}

function span(field: CronFieldName, from: number, to: number): string {
  const a = cronValueName(field, from);
  const b = cronValueName(field, to);
  if (field === "month" || field === "dayOfWeek") return `${a} to ${b}`;
  if (field === "dayOfMonth") return `days ${a} to ${b}`;
  return `${EVERY[field]} from ${a} to ${b}`;
}

function describeItem(field: CronFieldName, item: CronItemNode): string {
  const step = item.step && item.step > 1 ? item.step : undefined;
  if (item.star) return step ? `every ${step} ${PLURAL[field]}` : EVERY[field];
  const from = item.from!;
  const to = item.to ?? from;
  if (!step) return from === to ? single(field, from) : span(field, from, to);
  const a = cronValueName(field, from);
  const b = cronValueName(field, to);
  return `every ${step} ${PLURAL[field]} from ${a} to ${b}`;
}

function joinWords(parts: string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

/** A cron field in words: `*\/15` in the minute field → "every 15 minutes", `1-5` in the day-of-week field → "Monday to Friday". */
export function describeCronField(field: CronField): string {
  const words = joinWords(field.items.map((i) => describeItem(field.name, i)));
  // "day 1 and days 10 to 15 of the month"; a starred item already says "of the month"
  return field.name === "dayOfMonth" && !field.items.some((i) => i.star) ? `${words} of the month` : words;
}

function matchedValues(field: CronField): string {
  const all = field.name === "dayOfWeek" ? 7 : field.name === "minute" ? 60 : field.name === "hour" ? 24 : field.name === "month" ? 12 : 31;
  if (field.values.length === all) return "all";
  const shown = field.values.slice(0, 16).map((v) => cronValueName(field.name, v));
  return shown.join(", ") + (field.values.length > shown.length ? `, … (${field.values.length} values)` : "");
}

function dayRule(cron: CronExpression, name: CronFieldName): string | undefined {
  if (!cron.fields || (name !== "dayOfMonth" && name !== "dayOfWeek")) return undefined;
  const dom = cron.fields.dayOfMonth;
  const dow = cron.fields.dayOfWeek;
  if (!dom.startsWithStar && !dow.startsWithStar)
    return "Both day fields are restricted, so cron runs on days that match **either** the day of month **or** the day of week.";
  const restrictedStar = (f: CronField) => f.startsWithStar && f.text !== "*";
  if ((restrictedStar(dom) && dow.text !== "*") || (restrictedStar(dow) && dom.text !== "*"))
    return "One day field starts with `*`, so cron runs only on days that match **both** day fields.";
  return undefined;
}

function runsSection(title: string, isos: string[], never: boolean): string[] {
  return ["", `${title}:`, ...(never || isos.length === 0 ? ["- never"] : isos.map((i) => `- ${i}`))];
}

function zoneLabel(tz: string | undefined): string {
  return tz ? ` (${tz})` : "";
}

/** OnCalendar= lines for a cron expression, with the caveats of the conversion. */
function calendarSection(cron: CronExpression): string[] {
  const conv = cronToCalendarLines(cron);
  if (!conv.ok) return ["", `No OnCalendar= equivalent: ${conv.notes[0] ?? "unknown"}`];
  const lines = conv.lines.map(closeOpenRepetitions);
  return [
    "",
    lines.length > 1 ? "Equivalent timer settings (both lines):" : "Equivalent timer setting:",
    "```ini",
    ...lines.map((l) => `OnCalendar=${l}`),
    "```",
    ...conv.notes.map((n) => `_${n}_`),
  ];
}

function cronRunsSection(cron: CronExpression, opts: ScheduleHoverOptions): string[] {
  if (cron.special === "@reboot") return [];
  const count = opts.count ?? 5;
  const r = nextCronRuns(cron, { count, ...(opts.tz ? { tz: opts.tz } : {}), ...(opts.now ? { base: opts.now } : {}) });
  return runsSection(
    `Next ${count} runs${zoneLabel(opts.tz)}`,
    r.elapses.map((e) => e.iso),
    r.elapses.length === 0,
  );
}

const SPECIAL_MEANING: Record<string, string> = {
  "@reboot": "once, when cron starts (at boot)",
  "@yearly": "once a year, at midnight on January 1 (`0 0 1 1 *`)",
  "@annually": "once a year, at midnight on January 1 (`0 0 1 1 *`)",
  "@monthly": "once a month, at midnight on the 1st (`0 0 1 * *`)",
  "@weekly": "once a week, at midnight on Sunday (`0 0 * * 0`)",
  "@daily": "once a day, at midnight (`0 0 * * *`)",
  "@midnight": "once a day, at midnight (`0 0 * * *`)",
  "@hourly": "once an hour, at minute 0 (`0 * * * *`)",
};

/**
 * Hover for the cron field at `at` (an offset in the same coordinates as the
 * expression's ranges). `schedule` is the range of the whole schedule, used
 * for a shorthand such as `@daily`. Null when `at` is on no field.
 */
export function cronFieldHover(cron: CronExpression, at: number, schedule: Range, opts: ScheduleHoverOptions = {}, heading?: string): ScheduleHover | null {
  const head = heading ? [heading, ""] : [];
  if (cron.special) {
    if (at < schedule.start || at > schedule.end) return null;
    const md = [...head, `\`${cron.special}\`: ${SPECIAL_MEANING[cron.special] ?? cron.special}`, ...calendarSection(cron), ...cronRunsSection(cron, opts)];
    return { markdown: md.join("\n"), range: schedule };
  }
  if (!cron.fields) return null;
  const index = CRON_FIELDS.findIndex((n) => at >= cron.fields![n].range.start && at <= cron.fields![n].range.end);
  if (index < 0) return null;
  const name = CRON_FIELDS[index]!;
  const field = cron.fields[name];
  const md = [...head, `**${CRON_FIELD_LABEL[name]}** (cron field ${index + 1} of 5) \`${field.text}\`: ${describeCronField(field)}`];
  const values = matchedValues(field);
  if (values !== "all") md.push("", `Matches: ${values}`);
  const rule = dayRule(cron, name);
  if (rule) md.push("", rule);
  md.push(...calendarSection(cron), ...cronRunsSection(cron, opts));
  return { markdown: md.join("\n"), range: field.range };
}

type CalendarPart = "year" | "month" | "day" | "hour" | "minute" | "second";
const CAL_EVERY: Record<CalendarPart, string> = {
  year: "every year",
  month: "every month",
  day: "every day",
  hour: "every hour",
  minute: "every minute",
  second: "every second",
};
const CAL_PLURAL: Record<CalendarPart, string> = { year: "years", month: "months", day: "days", hour: "hours", minute: "minutes", second: "seconds" };

function calValue(part: CalendarPart, digits: string, fraction?: string): string {
  const n = Number(digits);
  if (part === "month" && n >= 1 && n <= 12) return MONTHS[n - 1]!;
  return fraction ? `${n}.${fraction}` : String(n);
}

function describeComponent(part: CalendarPart, c: ComponentNode, fromEnd: boolean): string {
  const a = calValue(part, c.start.digits, c.start.fraction);
  const day = (s: string) => (fromEnd ? dayFromEnd(Number(s)) : s);
  if (c.repeat) {
    const step = c.repeat.fraction ? `${Number(c.repeat.digits)}.${c.repeat.fraction}` : String(Number(c.repeat.digits));
    const end = c.stop ? ` up to ${part === "day" ? day(calValue(part, c.stop.digits)) : calValue(part, c.stop.digits, c.stop.fraction)}` : "";
    return `every ${step} ${CAL_PLURAL[part]} from ${part === "day" ? day(a) : a}${end || (part === "year" ? " on" : ` to the end of the ${part === "second" ? "minute" : part === "minute" ? "hour" : part === "hour" ? "day" : part === "day" ? "month" : "year"}`)}`;
  }
  if (c.stop) {
    const b = calValue(part, c.stop.digits, c.stop.fraction);
    return part === "day" ? `days ${day(a)} to ${day(b)}` : `${part === "month" ? "" : `${part}s `}${a} to ${b}`;
  }
  if (part === "day") return fromEnd ? day(a) : `day ${a}`;
  if (part === "month") return `in ${a}`;
  return `${part} ${a}`;
}

function dayFromEnd(n: number): string {
  if (n === 1) return "the last day of the month";
  if (n === 2) return "the second-to-last day of the month";
  return `${n - 1} days before the last day of the month`;
}

/** A chain of an OnCalendar= spec in words. */
function describeCalendarChain(part: CalendarPart, chain: ChainNode, fromEnd = false): string {
  if (chain.star && chain.components.length === 0) return fromEnd ? "the last day of the month" : CAL_EVERY[part];
  return joinWords(chain.components.map((c) => describeComponent(part, c, fromEnd)));
}

/** Hover for the part of a valid OnCalendar= spec under `at` (an offset in `spec`); null when `at` is on none. */
export function calendarPartHover(spec: string, at: number, opts: ScheduleHoverOptions = {}): ScheduleHover | null {
  const parsed = parseCalendar(spec, opts.tz ? { tz: opts.tz } : {});
  if (!parsed.ok) return null;
  const ast = parsed.ast;
  const inside = (r: Range) => at >= r.start && at <= r.end;
  let head: string | undefined;
  let range: Range | undefined;
  if (ast.shorthand && inside(ast.shorthand.range)) {
    head = `\`${ast.shorthand.name}\` is shorthand for \`${parsed.normalized}\``;
    range = ast.shorthand.range;
  } else if (ast.zone && inside(ast.zone.range)) {
    head =
      ast.zone.kind === "utc"
        ? "**time zone**: the times are in UTC"
        : ast.zone.kind === "local"
          ? "**time zone**: the times are in the local zone (the default)"
          : `**time zone** \`${ast.zone.name}\`: the times are local times in that zone, whatever the machine's zone`;
    range = ast.zone.range;
  } else if (ast.body?.weekdays && inside(ast.body.weekdays.range)) {
    const w = ast.body.weekdays;
    const runs = w.runs.map((r) => (r.to ? `${CAL_DAYS[r.from.day]} to ${CAL_DAYS[r.to.day]}` : `${CAL_DAYS[r.from.day]}`));
    head = `**weekday** \`${spec.slice(w.range.start, w.range.end)}\`: only on ${joinWords(runs)}`;
    range = w.range;
  } else {
    for (const part of ["year", "month", "day", "hour", "minute", "second"] as const) {
      const chain = ast.fields[part];
      if (!chain || !inside(chain.range)) continue;
      const fromEnd = part === "day" && !!ast.body?.groups.some((g) => g.separators.some((s) => s.kind === "~" && s.range.end === chain.range.start));
      const what = fromEnd ? "day (counted from the end of the month, after `~`)" : part;
      head = `**${what}** \`${spec.slice(chain.range.start, chain.range.end)}\`: ${describeCalendarChain(part, chain, fromEnd)}`;
      range = chain.range;
      break;
    }
  }
  if (!head || !range) return null;
  const count = opts.count ?? 5;
  const r = nextElapses(parsed, { count, ...(opts.tz ? { tz: opts.tz } : {}), ...(opts.now ? { base: opts.now } : {}) });
  const md = [
    head,
    "",
    `**OnCalendar** normalized: \`${parsed.normalized}\``,
    ...runsSection(
      `Next ${count} elapses${zoneLabel(opts.tz)}`,
      r.elapses.map((e) => e.iso),
      r.never,
    ),
  ];
  return { markdown: md.join("\n"), range };
}
