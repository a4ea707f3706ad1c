import { parseCalendarIn } from "../calendar.js";
import { type CalendarOptions, newSession, resolveZones } from "../environment.js";
import { elapsesAfter } from "../engine/next-elapse.js";
import type { CalendarDiagnostic } from "../spec/errors.js";
import { parseCron } from "../cron/parse-cron.js";
import { cronToCalendarLines } from "../cron/to-calendar.js";
import { neverReason } from "./never-reason.js";
import { dstHits } from "./dst.js";
import type { Zone } from "../zone/zone.js";

export interface LintCalendarOptions extends CalendarOptions {
  /** "now" for "in the past" and DST look-ahead: a Date or µs since the epoch (default: the clock) */
  now?: Date | number;
  /** how far ahead to look for DST changes, in years (default 2) */
  dstYears?: number;
}

const p2 = (n: number) => String(Math.abs(n)).padStart(2, "0");
const offset = (s: number) => `${s < 0 ? "-" : "+"}${p2(Math.trunc(s / 3600))}:${p2(Math.trunc((s % 3600) / 60))}`;

/**
 * Why systemd refuses an OnCalendar= value, or undefined when it takes it:
 * the parse error, or, for a cron line pasted by mistake, a note with the
 * converted spec. The error part of lintCalendar, without its look-ahead
 * (elapses, DST changes), for callers that judge validity only.
 */
export function calendarError(input: string, options: CalendarOptions = {}): CalendarDiagnostic | undefined {
  const parsed = parseCalendarIn(input, newSession(options), resolveZones(options));
  return parsed.ok ? undefined : refusal(input, parsed.error);
}

function refusal(input: string, error: CalendarDiagnostic): CalendarDiagnostic {
  const cron = parseCron(input);
  if (!cron.ok || cron.cron.command || !(cron.cron.fields || cron.cron.special)) return error;
  const conv = cronToCalendarLines(cron.cron);
  const d: CalendarDiagnostic = {
    ...error,
    code: "cron-expression",
    range: { start: 0, end: input.length },
    message: conv.ok
      ? `this is a cron expression, not a calendar spec; write ${conv.lines.map((l) => `OnCalendar=${l}`).join(" and ")}`
      : `this is a cron expression; ${conv.notes[0]}`,
  };
  if (conv.ok) d.suggestion = conv.lines.join("\n");
  return d;
}

/**
 * Everything worth telling about an OnCalendar= value: systemd's rejection with
 * the field and reason, a cron line pasted by mistake (with the converted
 * spec), an unknown zone, a spec that never elapses (and why), one whose dates
 * are all past, and local times that a DST change skips or repeats in the
 * spec's zone or the configured one.
 */
export function lintCalendar(input: string, options: LintCalendarOptions = {}): CalendarDiagnostic[] {
  const session = newSession(options);
  const zones = resolveZones(options);
  const parsed = parseCalendarIn(input, session, zones);
  if (!parsed.ok) return [refusal(input, parsed.error)];
  const whole = { start: 0, end: input.length };
  const out: CalendarDiagnostic[] = [];
  const nowUsec = options.now === undefined ? Date.now() * 1000 : options.now instanceof Date ? options.now.getTime() * 1000 : options.now;
  const spec = parsed.spec;
  const ahead = elapsesAfter(spec, nowUsec, 1, session, zones);
  const fieldRange = (f: "day" | "weekday" | "year" | "hour") => (f === "weekday" ? parsed.ast.body?.weekdays?.range : parsed.ast.fields[f]?.range) ?? whole;
  if (ahead.end === "EDEADLK") {
    out.push({
      code: "elapse-error",
      severity: "warning",
      message: "systemd gives up searching for the next elapse of this spec (more than 1000 steps) and the timer will not start",
      range: whole,
    });
  } else if (ahead.elapses.length === 0) {
    const ever = elapsesAfter(spec, 0, 1, newSession(options), zones);
    if (ever.elapses.length > 0) {
      out.push({
        code: "date-in-past",
        severity: "warning",
        message: `every date of this spec is before ${new Date(nowUsec / 1000).toISOString().slice(0, 10)}; the timer will never fire`,
        range: fieldRange("year"),
      });
    } else {
      const why = neverReason(spec);
      const code = why?.field === "day" || why?.field === "year" ? "day-not-in-month" : why?.field === "weekday" ? "weekday-never-matches" : "never-elapses";
      const d: CalendarDiagnostic = {
        code,
        severity: "warning",
        message: why ? `${why.message}; this spec never elapses` : "this spec never elapses",
        range: why ? fieldRange(why.field) : whole,
      };
      if (why) d.field = why.field;
      out.push(d);
    }
  }
  let zone: Zone | undefined;
  if (!spec.utc) zone = spec.timezone ? zones.load(spec.timezone) : session.zone;
  if (zone && spec.dst < 0) {
    const from = Math.floor(nowUsec / 1_000_000);
    const seen = new Set<string>();
    for (const hit of dstHits(spec, zone, from, from + (options.dstYears ?? 2) * 366 * 86400)) {
      if (seen.has(hit.kind)) continue;
      seen.add(hit.kind);
      const where = spec.timezone ?? options.tz ?? zone.name;
      out.push({
        code: hit.kind === "gap" ? "dst-gap" : "dst-overlap",
        severity: "warning",
        field: "hour",
        range: fieldRange("hour"),
        message:
          hit.kind === "gap"
            ? `${hit.local} does not exist in ${where} (clocks move from ${offset(hit.from)} to ${offset(hit.to)}); systemd skips or shifts that elapse`
            : `${hit.local} happens twice in ${where} (clocks move back from ${offset(hit.from)} to ${offset(hit.to)}); systemd fires only once`,
      });
    }
  }
  return out;
}
