/**
 * unitlint's calendar engine: systemd 252's OnCalendar= parser, normalizer and
 * next-elapse search, cron schedules, time spans and timestamps. Runs in
 * browsers (no Node APIs); zone data comes from the JavaScript engine unless a
 * zoneinfo-backed ZoneSource is passed.
 *
 * Times are microseconds since the epoch (`number`; exact up to year 2255)
 * where systemd uses µs, and `bigint` for time spans (systemd's usec_t range).
 */
import { parseCalendar, normalizeCalendar, type CalendarParseResult } from "./calendar.js";
import { type CalendarOptions, newSession, resolveZones, localZone } from "./environment.js";
import { elapsesAfter, nextElapseUsec } from "./engine/next-elapse.js";
import type { NextError } from "./engine/find-next.js";
import { isoWithOffset } from "./timestamp/iso.js";
import { LibcSession } from "./libc/session.js";
import { parseCron } from "./cron/parse-cron.js";
import { nextCronRuns as cronRuns } from "./cron/next-cron.js";
import { cronToCalendarLines, type CronConversion } from "./cron/to-calendar.js";
import type { CronExpression, CronParseResult } from "./cron/model.js";
import { parseTimestampIn, type TimestampResult } from "./timestamp/parse-timestamp.js";
import { parseTimespan, USEC_INFINITY, type TimespanResult } from "./timespan/parse-timespan.js";
import { formatTimespan } from "./timespan/format-timespan.js";
import { calendarError, lintCalendar } from "./lint/lint-calendar.js";

export { parseCalendar, normalizeCalendar, parseCron, parseTimespan, formatTimespan, lintCalendar, calendarError, USEC_INFINITY };
export type { CalendarParseResult, CalendarOptions, CronExpression, CronParseResult, CronConversion, TimespanResult, TimestampResult, NextError };
export type { CalendarSpec, CalendarComponent, CalendarField } from "./spec/model.js";
export type { CalendarDiagnostic, CalendarCode, CalendarErrno } from "./spec/errors.js";
export { shiftDiagnostics } from "./spec/errors.js";
export type { LintCalendarOptions } from "./lint/lint-calendar.js";
export type { CalendarAst, ChainNode, ComponentNode, ValueNode, WeekdaysNode, ZoneSuffixNode } from "./parser/ast.js";
export type { TimespanPart } from "./timespan/parse-timespan.js";
export type { Zone, ZoneInfo } from "./zone/zone.js";
export { type ZoneSource, intlZoneSource, tzifZoneSource } from "./zone/source.js";
/** The one place that asks the JavaScript engine about zones by name: the host's zone, and whether a name is a zone. */
export { hostZoneName, isIntlZoneName } from "./zone/intl-zone.js";
export { analyzeCalendar, type AnalyzeOutput } from "./analyze/calendar-report.js";
export { analyzeTimespan } from "./analyze/timespan-report.js";
export { LibcSession };

/*
 * The session-level API: for hosts that replay one systemd-analyze process
 * (the `calendar`, `next`, `timespan` and `schedule` commands): one
 * LibcSession (glibc's TZ, tzname[] and mktime guess) carried through parse,
 * search and formatting, with zones from a chosen ZoneSource.
 */
export { parseCalendarIn } from "./calendar.js";
export { elapsesAfter } from "./engine/next-elapse.js";
export { nextCronRuns as cronRunsIn } from "./cron/next-cron.js";
export { cronToCalendarLines } from "./cron/to-calendar.js";
export { isoWithOffset } from "./timestamp/iso.js";
export { formatTimestamp } from "./timestamp/format-timestamp.js";
export { calendarJson } from "./analyze/calendar-json.js";
export { microGlyph } from "./analyze/timespan-report.js";
export { parseTimestampIn };
export { zoneFromTz } from "./zone/source.js";
export { CRON_FIELDS, type CronField, type CronFieldName, type CronItemNode } from "./cron/model.js";
export { specialFields } from "./cron/next-cron.js";
export { tzifZone } from "./zone/tzif.js";
export { utcZone } from "./zone/zone.js";
/** The zone a `tz` option names (the local zone of specs without a suffix), for callers that show times in it. */
export { localZone };

/** One elapse: µs since the epoch, as a Date, and as ISO 8601 with the zone's offset. */
export interface Elapse {
  usec: number;
  date: Date;
  iso: string;
}

export interface NextOptions extends CalendarOptions {
  /** start after this time: a Date, or µs since the epoch (systemd's unit). Default: now. */
  base?: Date | number;
  /** how many elapses (default 1) */
  count?: number;
}

export interface NextResult {
  ok: boolean;
  elapses: Elapse[];
  /** true when the spec has no (further) elapse, like systemd-analyze's "never" */
  never: boolean;
  normalized?: string;
  error?: string;
}

/**
 * The elapses of a parsed spec one at a time, as one `systemd-analyze
 * calendar --iterations` run computes them (one glibc state throughout): each
 * call gives the next elapse in µs, or why there is none ("ENOENT": no more).
 * For callers that need many elapses as numbers (the schedule), without the
 * Date and ISO text `nextElapses` makes for each.
 */
export function elapseCursor(
  parsed: Extract<CalendarParseResult, { ok: true }>,
  options: CalendarOptions & { base?: Date | number } = {},
): () => number | NextError {
  const session = newSession(options);
  const zones = resolveZones(options);
  let n = toUsec(options.base);
  let end: NextError | undefined;
  return () => {
    if (end !== undefined) return end;
    const r = nextElapseUsec(parsed.spec, n, session, zones);
    if (typeof r === "string") end = r;
    else n = r;
    return r;
  };
}

const toUsec = (base: Date | number | undefined) => (base === undefined ? Date.now() * 1000 : base instanceof Date ? base.getTime() * 1000 : base);

/**
 * The next elapses of an OnCalendar= spec after `base`, the same instants
 * systemd 252 computes (spec zone, DST gaps and overlaps, `~`, never-elapsing
 * specs answered within systemd's 1000-step bound).
 */
export function nextElapses(spec: string | CalendarParseResult, options: NextOptions = {}): NextResult {
  const session = newSession(options);
  const zones = resolveZones(options);
  const parsed = typeof spec === "string" ? parseCalendar(spec, options) : spec;
  if (!parsed.ok) return { ok: false, elapses: [], never: false, error: parsed.error.message };
  const r = elapsesAfter(parsed.spec, toUsec(options.base), options.count ?? 1, session, zones);
  const elapses = r.elapses.map((u) => ({ usec: u, date: new Date(Math.floor(u / 1000)), iso: isoWithOffset(u, session) }));
  const result: NextResult = {
    ok: r.end === undefined || r.end === "ENOENT",
    elapses,
    never: elapses.length === 0 && r.end === "ENOENT",
    normalized: parsed.normalized,
  };
  if (r.end && r.end !== "ENOENT") result.error = nextErrorMessage(r.end);
  return result;
}

/** Why the search stopped, for people ("ENOENT" is no error: no more elapses). */
export function nextErrorMessage(end: Exclude<NextError, "ENOENT">): string {
  return end === "EDEADLK"
    ? "systemd gives up on this spec after 1000 search steps (Resource deadlock avoided)"
    : "the next elapse cannot be computed (Invalid argument)";
}

/** The next runs of a cron expression (or a parsed one) in `tz`. */
export function nextCronRuns(expr: string | CronExpression, options: NextOptions = {}): { ok: boolean; elapses: Elapse[]; error?: string } {
  let cron: CronExpression;
  if (typeof expr === "string") {
    const r = parseCron(expr);
    if (!r.ok) return { ok: false, elapses: [], error: r.error.message };
    cron = r.cron;
  } else cron = expr;
  const zone = localZone(options);
  const session = new LibcSession(zone);
  const base = Math.floor(toUsec(options.base) / 1_000_000);
  const runs = cronRuns(cron, base, options.count ?? 1, zone);
  return { ok: true, elapses: runs.map((t) => ({ usec: t * 1_000_000, date: new Date(t * 1000), iso: isoWithOffset(t * 1_000_000, session) })) };
}

/** Equivalent OnCalendar= line(s) for a cron expression, or why there are none. */
export function cronToCalendar(expr: string): CronConversion & { error?: string } {
  const r = parseCron(expr);
  if (!r.ok) return { ok: false, lines: [], notes: [], error: r.error.message };
  return cronToCalendarLines(r.cron);
}

/**
 * systemd's timestamp syntax, as `--base-time=` takes it ("2026-01-01 00:00:00 UTC",
 * "@1767225600", "now", "today", "+5min", "Mon 2026-01-05 10:00", a zone name
 * suffix) → µs since the epoch, in `tz` (the local zone of the parse). systemd
 * 252 itself rejects a trailing zone name; pass `zoneNames: "reject"` for that.
 */
export function parseTimestamp(
  text: string,
  tz?: string,
  options: { now?: Date | number; zones?: CalendarOptions["zones"]; zoneNames?: "honour" | "reject" } = {},
): TimestampResult {
  const opts: CalendarOptions = {};
  if (tz !== undefined) opts.tz = tz;
  if (options.zones) opts.zones = options.zones;
  return parseTimestampIn(text, newSession(opts), resolveZones(opts), BigInt(Math.round(toUsec(options.now))), { zoneNames: options.zoneNames ?? "honour" });
}
