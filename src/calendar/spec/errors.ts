import type { Range } from "../../core/range.js";
import type { CalendarField } from "./model.js";

/** The errno systemd's parser fails with; it decides the text of systemd's error line. */
export type CalendarErrno = "EINVAL" | "ERANGE" | "ENOBUFS";

export const STRERROR: Record<CalendarErrno, string> = {
  EINVAL: "Invalid argument",
  ERANGE: "Numerical result out of range",
  ENOBUFS: "No buffer space available",
};

/** Stable codes of calendar findings (errors and warnings). */
export type CalendarCode =
  | "syntax"
  | "number-too-large"
  | "zero-repeat"
  | "too-many-values"
  | "fraction-not-allowed"
  | "range-too-short"
  | "backwards-weekday-range"
  | "value-out-of-range"
  | "empty"
  | "never-elapses"
  | "day-not-in-month"
  | "weekday-never-matches"
  | "dst-gap"
  | "dst-overlap"
  | "unknown-zone"
  | "date-in-past"
  | "cron-expression"
  | "elapse-error";

/** A finding about a calendar spec: what, where (half-open range into the spec) and why. */
export interface CalendarDiagnostic {
  code: CalendarCode;
  severity: "error" | "warning";
  message: string;
  range: Range;
  field?: CalendarField | "weekday" | "zone";
  /** for errors: the errno systemd 252 fails with */
  errno?: CalendarErrno;
  /** a replacement spec, when one is known (e.g. a cron line converted) */
  suggestion?: string;
}

export function parseError(code: CalendarCode, errno: CalendarErrno, message: string, range: Range, field?: CalendarDiagnostic["field"]): CalendarDiagnostic {
  const d: CalendarDiagnostic = { code, severity: "error", message, range, errno };
  if (field) d.field = field;
  return d;
}

/**
 * Move findings from offsets in a spec to offsets in the text it came from
 * (e.g. the unit file, when the spec is the value of an OnCalendar= line).
 */
export function shiftDiagnostics(diagnostics: readonly CalendarDiagnostic[], by: number): CalendarDiagnostic[] {
  return diagnostics.map((d) => ({ ...d, range: { start: d.range.start + by, end: d.range.end + by } }));
}
