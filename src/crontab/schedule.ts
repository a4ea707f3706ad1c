/**
 * The one place where crontab, job-file and migration code calls the calendar
 * engine (src/calendar): parsing cron schedules, their runs, their OnCalendar=
 * equivalents and time spans. Everything else talks to these functions.
 */
import { cronToCalendar as engineCronToCalendar, nextCronRuns as engineNextCronRuns, parseCron, parseTimespan } from "../calendar/index.js";
import type { CronExpression, CronParseResult } from "../calendar/index.js";
import { CRON_FIELDS, type CronFieldName, specialFields } from "../calendar/index.js";
import { shiftRange } from "../core/range.js";

export type { CronExpression, CronFieldName };
export { CRON_FIELDS };

/** Parse a schedule found at `offset` in a file; ranges come back as file offsets. */
export function parseSchedule(text: string, offset: number): CronParseResult {
  const r = parseCron(text);
  if (r.ok) return shiftCron(r.cron, offset, text);
  return { ok: false, error: { ...r.error, range: shiftRange(r.error.range, offset) } };
}

function shiftCron(cron: CronExpression, offset: number, text: string): CronParseResult {
  if (!cron.fields) return { ok: true, cron };
  const fields = Object.fromEntries(
    Object.entries(cron.fields).map(([k, f]) => [
      k,
      { ...f, range: shiftRange(f.range, offset), items: f.items.map((i) => ({ ...i, range: shiftRange(i.range, offset) })) },
    ]),
  ) as NonNullable<CronExpression["fields"]>;
  return { ok: true, cron: { ...cron, text, fields } };
}

/** Runs strictly after `baseSeconds` (seconds since the epoch), as cronie runs them in `tz`. */
export function cronRuns(cron: CronExpression, baseSeconds: number, count: number, tz = "UTC"): number[] {
  const r = engineNextCronRuns(cron, { base: baseSeconds * 1_000_000, count, tz });
  return r.elapses.map((e) => Math.floor(e.usec / 1_000_000));
}

/** 2000-01-01T00:00:00Z: a fixed start, so answers never depend on the clock. */
const EPOCH_2000 = 946_684_800;

/** True when the schedule has no run at all (e.g. February 31st); the engine looks 400 years ahead, one Gregorian cycle. */
export function neverRuns(cron: CronExpression): boolean {
  if (cron.special === "@reboot") return false;
  return cronRuns(cron, EPOCH_2000, 1).length === 0;
}

/** OnCalendar= lines equivalent to the schedule (several when cron's day-field OR needs them), or why there are none. */
export function cronToCalendar(text: string): { ok: boolean; lines: string[]; notes: string[]; error?: string } {
  const r = engineCronToCalendar(text);
  return { ...r, lines: r.lines.map(closeOpenRepetitions) };
}

const FIELD_MAX = { month: 12, day: 31, hour: 23, minute: 59 };

/**
 * Write each open repetition `a/s` as `a..b/s`. systemd 252 skips the first
 * elapse after an open minute repetition overflows into the next hour at a
 * value that is not a match: `*-*-* 00,23:00/13:00` goes from 23:52 straight
 * to 00:13, while `00..52/13` gives 00:00 (checked with systemd-analyze
 * calendar). The closed form names the same values; `a/s` is kept for
 * minutes and hours when the step divides 60 or 24.
 */
export function closeOpenRepetitions(line: string): string {
  const close = (chain: string, max: number) =>
    chain
      .split(",")
      .map((item) => {
        const m = /^(\d+)\/(\d+)$/.exec(item);
        if (!m) return item;
        const a = Number(m[1]);
        const step = Number(m[2]);
        // the overflow lands on the next hour's (day's) first match only when the step divides the field; then `a/s` is exact and idiomatic
        if (max !== FIELD_MAX.day && max !== FIELD_MAX.month && (max + 1) % step === 0) return item;
        const last = a + Math.floor((max - a) / step) * step;
        return `${m[1]}..${String(last).padStart(m[1]!.length, "0")}/${step}`;
      })
      .join(",");
  return line
    .split(" ")
    .map((word) => {
      const date = /^([^-:]+)-([^-:]+)-([^-:]+)$/.exec(word);
      if (date) return `${date[1]}-${close(date[2]!, FIELD_MAX.month)}-${close(date[3]!, FIELD_MAX.day)}`;
      const time = /^([^:]+):([^:]+):00$/.exec(word);
      if (time) return `${close(time[1]!, FIELD_MAX.hour)}:${close(time[2]!, FIELD_MAX.minute)}:00`;
      return word;
    })
    .join(" ");
}

/** A systemd time span (systemd.time(7)), in microseconds, or undefined when systemd would refuse it. */
export function timespanUsec(text: string): bigint | undefined {
  const r = parseTimespan(text);
  return r.ok ? r.usec : undefined;
}

export interface CronSets {
  minute: Set<number>;
  hour: Set<number>;
  dayOfMonth: Set<number>;
  month: Set<number>;
  /** 0 = Sunday */
  dayOfWeek: Set<number>;
  /** cron matches a day when both day fields match (one starts with '*'), else when either does */
  andDays: boolean;
}

/** The value sets a schedule matches; undefined for @reboot. */
export function cronSets(cron: CronExpression): CronSets | undefined {
  const f = cron.special
    ? specialFields(cron.special)
    : cron.fields
      ? (Object.fromEntries(Object.entries(cron.fields).map(([k, v]) => [k, v.values])) as Record<CronFieldName, number[]>)
      : undefined;
  if (!f) return undefined;
  const andDays = cron.fields ? cron.fields.dayOfMonth.startsWithStar || cron.fields.dayOfWeek.startsWithStar : true;
  return {
    minute: new Set(f.minute),
    hour: new Set(f.hour),
    dayOfMonth: new Set(f.dayOfMonth),
    month: new Set(f.month),
    dayOfWeek: new Set(f.dayOfWeek),
    andDays,
  };
}
