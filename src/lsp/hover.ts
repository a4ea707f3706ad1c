import type { CrontabFile } from "../crontab/index.js";
import { parseCron } from "../calendar/index.js";
import { readJob, stringValueRange, type JobsFile, type ScheduleValue } from "../jobs/index.js";
import type { UnitFile } from "../model/unit-file.js";
import { cursorContext } from "./context.js";
import type { EditorKnowledge } from "./knowledge.js";
import { cronFieldHover, type ScheduleHoverOptions } from "./schedule-hover.js";
import { valueHover } from "./value-hover.js";
import { crontabLineHover, enumValueHover, unitNameHover, type UnitLookup } from "./name-hover.js";
import { UNIT_LIST_KEYS } from "./features.js";

export type { HoverResult } from "./hover-result.js";
import type { HoverResult } from "./hover-result.js";

interface HoverOptions extends ScheduleHoverOptions {
  /** The workspace's units, for hovers on unit names. */
  units?: UnitLookup;
}

/** Hover text for the directive or value under the cursor. */
export function hoverAt(file: UnitFile, offset: number, knowledge: EditorKnowledge, opts: HoverOptions = {}): HoverResult | null {
  const c = cursorContext(file.ast, offset);
  if (c.kind === "key") {
    const md = knowledge.describe(c.section ?? "", c.entry.key);
    return md ? { markdown: md, range: c.entry.keyRange } : null;
  }
  if (c.kind !== "value") return null;
  const { units, ...schedule } = opts;
  return (
    valueHover(file, c.entry, c.offsetInValue, schedule) ??
    (UNIT_LIST_KEYS.has(c.entry.key) ? unitNameHover(c.entry, c.offsetInValue, units) : enumValueHover(c.entry, c.offsetInValue))
  );
}

/**
 * Hover in a crontab: the schedule field under the cursor in words, the
 * equivalent OnCalendar= lines and the next runs (in the job's CRON_TZ= when
 * it sets one, as cronie does).
 */
export function crontabHoverAt(file: CrontabFile, offset: number, opts: ScheduleHoverOptions = {}): HoverResult | null {
  for (const line of file.lines) {
    if (line.kind !== "job" || !line.cron) continue;
    if (offset < line.schedule.range.start || offset > line.schedule.range.end) continue;
    const cronTz = [...line.env].reverse().find((e) => e.name.text === "CRON_TZ")?.value.text;
    const tz = cronTz || opts.tz;
    return cronFieldHover(line.cron, offset, line.schedule.range, { ...opts, ...(tz ? { tz } : {}) });
  }
  return crontabLineHover(file, offset);
}

/** Every cron string of a job file: the jobs' schedules and a workspace's deploy/destroy schedules. */
function jobSchedules(file: JobsFile): ScheduleValue[] {
  const out = file.jobs.flatMap((j) => readJob(j).schedules());
  for (const { member } of file.extraSchedules) if (member.value.type === "string") out.push({ text: member.value.value, node: member.value });
  return out;
}

/** Hover in a JSON job file: the cron field under the cursor in a `schedule` string, as in a crontab. */
export function jobsHoverAt(file: JobsFile, offset: number, opts: ScheduleHoverOptions = {}): HoverResult | null {
  const text = file.source.text;
  for (const s of jobSchedules(file)) {
    const node = s.node;
    if (node.type !== "string" || offset <= node.range.start || offset >= node.range.end) continue;
    const cron = parseCron(s.text);
    if (!cron.ok) return null;
    // the offset in the decoded string (escapes count as one character)
    let raw = node.range.start + 1;
    let at = 0;
    while (raw < offset) {
      raw += text[raw] === "\\" ? (text[raw + 1] === "u" ? 6 : 2) : 1;
      at++;
    }
    const h = cronFieldHover(cron.cron, at, { start: 0, end: s.text.length }, opts);
    return h ? { markdown: h.markdown, range: stringValueRange(text, node, h.range.start, h.range.end) } : null;
  }
  return null;
}
