import { formatWeekdays } from "../spec/format.js";
import type { CronExpression, CronFieldName } from "./model.js";
import { specialFields } from "./next-cron.js";

export interface CronConversion {
  ok: boolean;
  /** OnCalendar= lines whose union fires exactly when the cron schedule does */
  lines: string[];
  /** why there is no exact equivalent, or caveats */
  notes: string[];
}

const FULL: Record<CronFieldName, [number, number]> = { minute: [0, 59], hour: [0, 23], dayOfMonth: [1, 31], month: [1, 12], dayOfWeek: [0, 6] };

/**
 * The shortest systemd chain for a set of values: "*", "a..b", "a..b/s",
 * "a/s" (only when systemd's repetition stops exactly at the field's end),
 * else a list of values and runs.
 */
function chainFor(values: number[], field: CronFieldName, width = 2): string {
  const [lo, hi] = FULL[field];
  const v = [...new Set(values)].sort((a, b) => a - b);
  const pad = (n: number) => String(n).padStart(width, "0");
  if (v.length === hi - lo + 1) return "*";
  if (v.length === 1) return pad(v[0]!);
  const step = v[1]! - v[0]!;
  const arithmetic = v.length > 3 && v.every((x, i) => i === 0 || x - v[i - 1]! === step);
  if (arithmetic) {
    const first = v[0]!;
    const lastV = v[v.length - 1]!;
    if (step === 1) return `${pad(first)}..${pad(lastV)}`;
    // "a/s" repeats up to the field's end; it equals the set only if the next step would overflow
    // ...and only when the step divides the field's range: systemd 252 mis-steps across the
    // wrap of an open repetition otherwise (`00,23:00/13` goes from 23:52 to 00:13, missing 00:00)
    if (lastV + step > hi && first + step <= hi && (hi - lo + 1) % step === 0) return `${pad(first)}/${step}`;
    return `${pad(first)}..${pad(lastV)}/${step}`;
  }
  // runs of consecutive values
  const parts: string[] = [];
  for (let i = 0; i < v.length;) {
    let j = i;
    while (j + 1 < v.length && v[j + 1] === v[j]! + 1) j++;
    if (j - i >= 2) parts.push(`${pad(v[i]!)}..${pad(v[j]!)}`);
    else for (let k = i; k <= j; k++) parts.push(pad(v[k]!));
    i = j + 1;
  }
  return parts.join(",");
}

/** Weekday bits (bit 0 = Monday) from cron days (0 = Sunday). */
const weekdayBits = (days: number[]) => days.reduce((b, d) => b | (1 << ((d + 6) % 7)), 0);

/**
 * Convert a cron schedule to OnCalendar= lines. Cron's "either day field"
 * rule (both day fields restricted) needs two lines; timers accept several
 * OnCalendar= and fire on their union.
 */
export function cronToCalendarLines(cron: CronExpression): CronConversion {
  if (cron.special === "@reboot") {
    return {
      ok: false,
      lines: [],
      notes: ["@reboot runs once at boot and has no calendar equivalent; use OnBootSec= (e.g. OnBootSec=0) in the timer instead"],
    };
  }
  const sets = cron.special
    ? specialFields(cron.special)!
    : (Object.fromEntries(Object.entries(cron.fields!).map(([k, f]) => [k, f.values])) as Record<CronFieldName, number[]>);
  const andDays = cron.special ? true : cron.fields!.dayOfMonth.startsWithStar || cron.fields!.dayOfWeek.startsWithStar;
  const time = `${chainFor(sets.hour, "hour")}:${chainFor(sets.minute, "minute")}:00`;
  const month = chainFor(sets.month, "month");
  const days = chainFor(sets.dayOfMonth, "dayOfMonth");
  const allWeekdays = sets.dayOfWeek.length === 7;
  const wd = allWeekdays ? "" : formatWeekdays(weekdayBits(sets.dayOfWeek)) + " ";
  const lines: string[] = [];
  if (andDays) lines.push(`${wd}*-${month}-${days} ${time}`);
  else if (allWeekdays || days === "*")
    lines.push(`*-${month}-* ${time}`); // either field matches every day
  else {
    lines.push(`*-${month}-${days} ${time}`);
    lines.push(`${wd}*-${month}-* ${time}`);
  }
  const notes: string[] = [];
  if (lines.length > 1) notes.push("cron runs when either the day of month or the day of week matches, so this needs two OnCalendar= lines");
  // Only a job whose every run of the day falls in the hours DST changes touch loses (or repeats) that day's run;
  // an hourly or every-15-minutes job loses one of many, which is not worth a note.
  if (sets.hour.every((h) => h <= 3))
    notes.push(
      "cron and systemd treat local times skipped or repeated by a DST change differently (cron runs skipped times at the jump; systemd skips them); set a zone or avoid 01:00-03:00 if that matters",
    );
  return { ok: true, lines, notes };
}
