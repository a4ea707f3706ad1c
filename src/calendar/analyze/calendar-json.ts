import { parseCalendarIn } from "../calendar.js";
import type { LibcSession } from "../libc/session.js";
import type { ZoneSource } from "../zone/source.js";
import { elapsesAfter } from "../engine/next-elapse.js";
import { formatTimestamp } from "../timestamp/format-timestamp.js";
import { isoWithOffset } from "../timestamp/iso.js";

interface CalendarJsonEntry {
  input: string;
  ok: boolean;
  normalized?: string;
  elapses?: { usec: number; iso: string; local: string; utc: string }[];
  never?: boolean;
  error?: { message: string; systemd: string; code: string; start: number; end: number; column: number; field?: string };
}

/** `unitlint calendar --json`: the same facts as the table, as data. */
export function calendarJson(input: {
  specs: readonly string[];
  iterations: number;
  base: number;
  session: LibcSession;
  zones: ZoneSource;
}): CalendarJsonEntry[] {
  return input.specs.map((p) => {
    const parsed = parseCalendarIn(p, input.session, input.zones);
    if (!parsed.ok) {
      const e = parsed.error;
      const error: NonNullable<CalendarJsonEntry["error"]> = {
        message: e.message,
        systemd: parsed.systemdMessage,
        code: e.code,
        start: e.range.start,
        end: e.range.end,
        column: e.range.start + 1,
      };
      if (e.field) error.field = e.field;
      return { input: p, ok: false, error };
    }
    const r = elapsesAfter(parsed.spec, input.base, input.iterations, input.session, input.zones);
    const entry: CalendarJsonEntry = {
      input: p,
      ok: r.end === undefined || r.end === "ENOENT",
      normalized: parsed.normalized,
      elapses: r.elapses.map((u) => ({
        usec: u,
        iso: isoWithOffset(u, input.session),
        local: formatTimestamp(u, input.session) ?? "",
        utc: formatTimestamp(u, null, input.session) ?? "",
      })),
      never: r.elapses.length === 0 && r.end === "ENOENT",
    };
    if (r.end && r.end !== "ENOENT")
      entry.error = { message: `computing the next elapse failed (${r.end})`, systemd: r.end, code: "elapse-error", start: 0, end: p.length, column: 1 };
    return entry;
  });
}
