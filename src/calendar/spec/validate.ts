import { type CalendarComponent, type CalendarField, type CalendarSpec, MAX_YEAR, MIN_YEAR, USEC_PER_SEC } from "./model.js";

/** Why a normalized component is out of what systemd accepts (calendarspec.c chain_valid). */
interface ComponentProblem {
  field: CalendarField;
  component: CalendarComponent;
  reason: string;
}

const FIELD_BOUNDS: Record<CalendarField, [number, number]> = {
  year: [MIN_YEAR, MAX_YEAR],
  month: [1, 12],
  day: [1, 31],
  hour: [0, 23],
  minute: [0, 59],
  second: [0, 60 * USEC_PER_SEC - 1],
};

const show = (field: CalendarField, v: number) => (field === "second" ? String(v / USEC_PER_SEC) : String(v));

function chainProblem(field: CalendarField, chain: CalendarComponent[], endOfMonth: boolean): ComponentProblem | undefined {
  const [from, bound] = FIELD_BOUNDS[field];
  let to = bound;
  const what = endOfMonth ? "days from the month's end" : `${field}s`;
  for (const c of chain) {
    // `~` days count back from the month's end, and no month has fewer than 28
    // days; chain_valid() recurses with the already lowered bound, so each
    // further value of a `~` list may reach 3 days less far (systemd 252 quirk)
    if (endOfMonth) to -= 3;
    const problem = (reason: string) => ({ field, component: c, reason });
    if (c.start < from || c.start > to)
      return problem(
        `${field} ${show(field, c.start)} is outside ${show(field, from)}..${show(field, to)}${endOfMonth ? " (counting back from the month's end)" : ""}`,
      );
    if (c.repeat > to - from) return problem(`repetition /${show(field, c.repeat)} is larger than the range of ${what} (${show(field, to - from)})`);
    if (c.stop >= 0) {
      if (c.stop < from || c.stop > to) return problem(`range end ${show(field, c.stop)} is outside ${show(field, from)}..${show(field, to)}`);
      if (c.start + c.repeat > c.stop) return problem(`range ${show(field, c.start)}..${show(field, c.stop)} is reversed`);
    } else if (endOfMonth && c.start - c.repeat < from) {
      return problem(`repetition /${show(field, c.repeat)} from ~${show(field, c.start)} runs past the month's end`);
    } else if (!endOfMonth && c.start + c.repeat > to) {
      return problem(`repetition /${show(field, c.repeat)} from ${show(field, c.start)} never fires a second time before ${show(field, to)}`);
    }
  }
  return undefined;
}

/** calendar_spec_valid, with the reason for the first component it rejects. */
export function specProblem(s: CalendarSpec): ComponentProblem | undefined {
  return (
    chainProblem("year", s.year, false) ??
    chainProblem("month", s.month, false) ??
    chainProblem("day", s.day, s.endOfMonth) ??
    chainProblem("hour", s.hour, false) ??
    chainProblem("minute", s.minute, false) ??
    chainProblem("second", s.second, false)
  );
}
