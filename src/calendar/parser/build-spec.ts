import type { Range } from "../../core/range.js";
import { type CalendarComponent, type CalendarField, type CalendarSpec, USEC_PER_SEC, constComponent } from "../spec/model.js";
import { type CalendarDiagnostic, parseError } from "../spec/errors.js";
import type { CalendarBodyNode, CalendarFieldsNode, ChainNode, ComponentNode, GroupNode, ValueNode } from "./ast.js";
import { gmtimeInto } from "../libc/mktime.js";
import type { Tm } from "../libc/tm.js";
import type { Zone } from "../zone/zone.js";

/*
 * AST → CalendarSpec, checking in the order calendarspec.c parses
 * (parse_weekdays, parse_date, parse_calendar_time, prepend_component), so the
 * first problem found is the one systemd stops at, with systemd's errno.
 */

const INT_MAX = 2147483647;
const ULONG_MAX = 18446744073709551615n;
/** calendarspec.c CALENDARSPEC_COMPONENTS_MAX: at most 241 values in one field */
const COMPONENTS_MAX = 240;

class Fail {
  constructor(readonly diagnostic: CalendarDiagnostic) {}
}

const fail = (...args: Parameters<typeof parseError>): never => {
  throw new Fail(parseError(...args));
};

/** parse_fractional_part_u(…, 6, …): six digits, the seventh rounds. */
function fraction6(digits: string): number {
  let v = Number((digits.slice(0, 6) + "000000").slice(0, 6));
  const seventh = digits[6];
  if (seventh !== undefined && seventh >= "5") v++;
  return v;
}

function decimal(v: ValueNode, usec: boolean, field: CalendarField): number {
  const n = BigInt(v.digits);
  if (n > ULONG_MAX) fail("number-too-large", "ERANGE", `${v.digits} is too large a number`, v.range, field);
  let value = n;
  if (usec) {
    if (value * 1000000n > ULONG_MAX) fail("number-too-large", "ERANGE", `${v.digits} seconds is too large`, v.range, field);
    value *= 1000000n;
    if (v.fraction !== undefined) value += BigInt(fraction6(v.fraction));
  }
  if (value > BigInt(INT_MAX))
    fail("number-too-large", "ERANGE", `${v.digits}${v.fraction ? "." + v.fraction : ""} is too large for the ${field}`, v.range, field);
  return Number(value);
}

function noFraction(v: ValueNode | undefined, field: CalendarField): void {
  if (v?.fraction !== undefined) {
    const r: Range = { start: v.range.start + v.digits.length, end: v.range.end };
    fail("fraction-not-allowed", "EINVAL", `only seconds may have a decimal fraction, not the ${field}`, r, field);
  }
}

function component(c: ComponentNode, usec: boolean, field: CalendarField): CalendarComponent {
  const start = decimal(c.start, usec, field);
  if (!usec) noFraction(c.start, field);
  let stop = -1;
  let repeat = 0;
  if (c.stop) {
    stop = decimal(c.stop, usec, field);
    repeat = usec ? USEC_PER_SEC : 1;
    if (!usec && c.stop.fraction !== undefined) {
      if (start > INT_MAX - repeat) fail("number-too-large", "ERANGE", `${c.start.digits} is too large for the ${field}`, c.start.range, field);
      noFraction(c.stop, field);
    }
  }
  if (c.repeat) {
    repeat = decimal(c.repeat, usec, field);
    if (repeat === 0) fail("zero-repeat", "ERANGE", `a repetition of 0 never advances; use a positive step`, c.repeat.range, field);
    if (!usec) noFraction(c.repeat, field);
  } else {
    if (start > INT_MAX - repeat) fail("number-too-large", "ERANGE", `${c.start.digits} is too large for the ${field}`, c.start.range, field);
    if (usec && stop >= 0 && start + repeat > stop)
      fail("range-too-short", "EINVAL", `a seconds range without a step must span at least one second`, c.range, field);
  }
  return { start, stop, repeat, range: c.range };
}

function chain(n: ChainNode, usec: boolean, field: CalendarField): CalendarComponent[] {
  if (n.star) return usec ? [{ start: 0, stop: -1, repeat: USEC_PER_SEC, range: n.range }] : [];
  const out: CalendarComponent[] = [];
  n.components.forEach((c, i) => {
    if (i > COMPONENTS_MAX) fail("too-many-values", "ENOBUFS", `more than ${COMPONENTS_MAX + 1} values in one field`, c.range, field);
    out.push(component(c, usec, field));
  });
  return out;
}

const after = (r: Range): Range => ({ start: r.end, end: r.end + 1 });

/** parse_date(): returns how many groups it consumed (0 when the first group is a time). */
function parseDate(body: CalendarBodyNode, spec: CalendarSpec, fields: CalendarFieldsNode): number {
  const g = body.groups[0];
  if (!g) return 0;
  const sep0 = g.separators[0];
  const twoPart = g.chains.length === 2;
  const first = chain(g.chains[0]!, false, !sep0 || sep0.kind === ":" ? "hour" : twoPart ? "month" : "year");
  if (!sep0) {
    // one chain: systemd retries it as a time, which then lacks its ':'
    if (!body.spaceAfter[0]) return 0;
    fail("syntax", "EINVAL", `expected '-' (a date) or ':' (a time) here`, after(g.chains[0]!.range));
  }
  if (sep0!.kind === ":") return 0;
  if (sep0!.kind === "~") spec.endOfMonth = true;
  const second = chain(g.chains[1]!, false, twoPart ? "day" : "month");
  if (twoPart) {
    spec.month = first;
    spec.day = second;
    fields.month = g.chains[0];
    fields.day = g.chains[1];
    return 1;
  }
  const sep1 = g.separators[1]!;
  if (spec.endOfMonth) fail("syntax", "EINVAL", `'~' may only separate the month from the day`, g.separators[0]!.range);
  if (sep1.kind === ":") fail("syntax", "EINVAL", `expected '-' or '~' between month and day, or a space before the time`, sep1.range);
  if (sep1.kind === "~") spec.endOfMonth = true;
  const third = chain(g.chains[2]!, false, "day");
  if (g.chains.length > 3) fail("syntax", "EINVAL", `a date has at most three parts (year-month-day)`, g.separators[2]!.range);
  spec.year = first;
  spec.month = second;
  spec.day = third;
  fields.year = g.chains[0];
  fields.month = g.chains[1];
  fields.day = g.chains[2];
  return 1;
}

function parseTime(body: CalendarBodyNode, index: number, spec: CalendarSpec, fields: CalendarFieldsNode): void {
  const g: GroupNode | undefined = body.groups[index];
  if (!g) {
    spec.hour = [constComponent(0)];
    spec.minute = [constComponent(0)];
    spec.second = [constComponent(0)];
    return;
  }
  spec.hour = chain(g.chains[0]!, false, "hour");
  fields.hour = g.chains[0];
  const sep0 = g.separators[0];
  if (!sep0 || sep0.kind !== ":") fail("syntax", "EINVAL", `expected ':' after the hour`, sep0 ? sep0.range : after(g.chains[0]!.range), "hour");
  spec.minute = chain(g.chains[1]!, false, "minute");
  fields.minute = g.chains[1];
  if (g.chains.length === 2) {
    if (body.spaceAfter[index]) fail("syntax", "EINVAL", `nothing may follow the time`, after(g.chains[1]!.range));
    spec.second = [constComponent(0)];
    return;
  }
  const sep1 = g.separators[1]!;
  if (sep1.kind !== ":") fail("syntax", "EINVAL", `expected ':' between minutes and seconds`, sep1.range, "minute");
  spec.second = chain(g.chains[2]!, true, "second");
  fields.second = g.chains[2];
  if (g.chains.length > 3) fail("syntax", "EINVAL", `a time has at most three parts (hour:minute:second)`, g.separators[2]!.range);
  if (body.spaceAfter[index]) fail("syntax", "EINVAL", `nothing may follow the time`, after(g.chains[2]!.range));
}

/** calendarspec_from_time_t for "@SECONDS" (strtoul semantics: blanks and a sign are accepted). */
function parseTimestamp(ts: { range: Range; text: string }, spec: CalendarSpec, leapZone?: Zone): void {
  const m = /^@[ \t\n\v\f\r]*([+-]?)([0-9]+)$/.exec(ts.text)!;
  let v = BigInt(m[2]!);
  if (v > ULONG_MAX) fail("number-too-large", "ERANGE", `${m[2]} is too large a timestamp`, ts.range);
  if (m[1] === "-") v = -v; // strtoul negates; as a time_t that is simply -v
  const approxYear = 1970 + Number(v) / 31556952;
  if (approxYear - 1900 > INT_MAX || approxYear < -INT_MAX) fail("number-too-large", "ERANGE", `${ts.text} is too far from 1970`, ts.range);
  const gm: Tm = { sec: 0, min: 0, hour: 0, mday: 1, mon: 0, year: 70, wday: 4, yday: 0, isdst: 0, gmtoff: 0, zone: "GMT" };
  const tm = gmtimeInto(Number(v), gm, leapZone) ? gm : null;
  if (!tm) fail("number-too-large", "ERANGE", `${ts.text} is too far from 1970`, ts.range);
  // under a leap-second TZ (right/...) gmtime shows an inserted second as :60, which calendar_spec_valid() rejects
  if (tm!.sec > 59)
    fail("value-out-of-range", "EINVAL", `${ts.text} falls on a leap second (:60) in this time zone, which a calendar spec cannot name`, ts.range, "second");
  spec.utc = true;
  spec.year = [{ ...constComponent(tm!.year + 1900), range: ts.range }];
  spec.month = [{ ...constComponent(tm!.mon + 1), range: ts.range }];
  spec.day = [{ ...constComponent(tm!.mday), range: ts.range }];
  spec.hour = [{ ...constComponent(tm!.hour), range: ts.range }];
  spec.minute = [{ ...constComponent(tm!.min), range: ts.range }];
  spec.second = [{ ...constComponent(tm!.sec * USEC_PER_SEC), range: ts.range }];
}

/** parse_weekdays() */
function weekdayBits(body: CalendarBodyNode): number {
  let bits = 0;
  for (const run of body.weekdays?.runs ?? []) {
    bits |= 1 << run.from.day;
    if (run.to) {
      if (run.from.day > run.to.day)
        fail("backwards-weekday-range", "EINVAL", `weekday range runs backwards; write it from Monday towards Sunday`, run.range, "weekday");
      for (let d = run.from.day; d <= run.to.day; d++) bits |= 1 << d;
    }
  }
  return bits;
}

/** Fill `spec` from the body; returns the first problem, where systemd would stop. */
export function buildFromBody(body: CalendarBodyNode, spec: CalendarSpec, fields: CalendarFieldsNode, leapZone?: Zone): CalendarDiagnostic | undefined {
  try {
    spec.weekdaysBits = weekdayBits(body);
    if (body.timestamp) {
      parseTimestamp(body.timestamp, spec, leapZone);
      return undefined;
    }
    const used = parseDate(body, spec, fields);
    parseTime(body, used, spec, fields);
    return undefined;
  } catch (e) {
    if (e instanceof Fail) return e.diagnostic;
    throw e;
  }
}
