import { BoundedMap } from "../core/bounded-map.js";
import { parseCalendarRaw } from "./parser/parse-calendar.js";
import { isZoneNameSyntax, unknownZoneCandidate } from "./parser/suffix.js";
import type { CalendarAst } from "./parser/ast.js";
import type { CalendarSpec } from "./spec/model.js";
import { formatSpec } from "./spec/format.js";
import { type CalendarDiagnostic, STRERROR } from "./spec/errors.js";
import type { LibcSession } from "./libc/session.js";
import type { ZoneSource } from "./zone/source.js";
import { type CalendarOptions, newSession, resolveZones } from "./environment.js";

export type CalendarParseResult =
  | { ok: true; input: string; spec: CalendarSpec; normalized: string; ast: CalendarAst; diagnostics: CalendarDiagnostic[] }
  | {
      ok: false;
      input: string;
      ast: CalendarAst;
      error: CalendarDiagnostic;
      /** systemd's strerror text for the error: "Invalid argument", … */
      systemdMessage: string;
      diagnostics: CalendarDiagnostic[];
    };

/**
 * Specs parsed so far, by zone source and then by zone, abbreviations and text: a lint run asks for the same
 * OnCalendar= value from the value check, the timer rules and the schedule warnings, and parses it once. The results
 * are never changed after parsing. Bounded, oldest first out.
 */
const parsedByZones = new WeakMap<ZoneSource, BoundedMap<string, CalendarParseResult>>();
const MAX_PARSED = 4096;

/** Parse within a given glibc session (the CLI replays systemd-analyze's process state). */
export function parseCalendarIn(input: string, session: LibcSession, zones: ZoneSource): CalendarParseResult {
  let parsed = parsedByZones.get(zones);
  if (!parsed) parsedByZones.set(zones, (parsed = new BoundedMap(MAX_PARSED)));
  const key = `${session.zone.name}\0${session.tzname[0]}\0${session.tzname[1]}\0${input}`;
  const hit = parsed.get(key);
  if (hit) return hit;
  const result = parseUncached(input, session, zones);
  parsed.set(key, result);
  return result;
}

function parseUncached(input: string, session: LibcSession, zones: ZoneSource): CalendarParseResult {
  const raw = parseCalendarRaw(input, {
    tzname: session.tzname,
    isValidZone: (name) => isZoneNameSyntax(name) && zones.load(name) !== undefined,
    ...(session.zone.leap ? { leapZone: session.zone } : {}),
  });
  if (raw.spec) {
    return { ok: true, input, spec: raw.spec, normalized: formatSpec(raw.spec, session.tzname), ast: raw.ast, diagnostics: [] };
  }
  let error = raw.error!;
  const zone = unknownZoneCandidate(input);
  if (zone && error.range.start >= zone.start - 1 && /\//.test(zone.name)) {
    error = { ...error, code: "unknown-zone", message: `unknown time zone '${zone.name}'`, range: { start: zone.start, end: input.length }, field: "zone" };
  }
  return { ok: false, input, ast: raw.ast, error, systemdMessage: STRERROR[error.errno ?? "EINVAL"], diagnostics: [error] };
}

/**
 * Parse an OnCalendar= value exactly as systemd 252 does. Never throws; an
 * invalid spec comes back with the field and the reason.
 */
export function parseCalendar(input: string, options?: CalendarOptions): CalendarParseResult {
  return parseCalendarIn(input, newSession(options), resolveZones(options));
}

/** The normalized form systemd-analyze prints, or undefined when the spec is invalid. */
export function normalizeCalendar(input: string, options?: CalendarOptions): string | undefined {
  const r = parseCalendar(input, options);
  return r.ok ? r.normalized : undefined;
}
