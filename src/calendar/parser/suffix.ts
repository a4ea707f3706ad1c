import type { ZoneSuffixNode } from "./ast.js";
import { endsWithNoCase } from "./ascii.js";
import type { Zone } from "../zone/zone.js";

export interface SuffixContext {
  /** glibc's current tzname[] of the local zone */
  tzname: readonly [string, string];
  /** systemd's timezone_is_valid(): a zoneinfo file of that exact name exists */
  isValidZone(name: string): boolean;
  /** The process's TZ zone when it has leap seconds (right/...): glibc's gmtime, used for "@SECONDS", applies them. */
  leapZone?: Zone;
}

interface SplitSpec {
  /** the text before the suffix (offsets are unchanged: it is a prefix) */
  body: string;
  zone?: ZoneSuffixNode;
  utc: boolean;
  dst: -1 | 0 | 1;
  timezone: string | null;
}

/**
 * Split off the zone suffix exactly as calendar_spec_from_string() does, on the
 * whole string and before anything else: " UTC" (any case); else the local
 * zone's standard or daylight abbreviation (tzname[0], tzname[1]; any case);
 * else a last word that names a zoneinfo file.
 */
export function splitZoneSuffix(spec: string, ctx: SuffixContext): SplitSpec {
  if (endsWithNoCase(spec, " UTC")) {
    const start = spec.length - 3;
    return {
      body: spec.slice(0, start - 1),
      utc: true,
      dst: -1,
      timezone: null,
      zone: { kind: "utc", name: spec.slice(start), range: { start, end: spec.length } },
    };
  }
  for (const j of [0, 1] as const) {
    const name = ctx.tzname[j];
    if (!name || !endsWithNoCase(spec, name)) continue;
    const start = spec.length - name.length;
    if (start === 0 || spec[start - 1] !== " ") continue;
    return {
      body: spec.slice(0, start - 1),
      utc: false,
      dst: j,
      timezone: null,
      zone: { kind: "local", name: spec.slice(start), range: { start, end: spec.length } },
    };
  }
  const lastSpace = spec.lastIndexOf(" ");
  if (lastSpace >= 0) {
    const name = spec.slice(lastSpace + 1);
    if (isZoneNameSyntax(name) && ctx.isValidZone(name)) {
      return {
        body: spec.slice(0, lastSpace),
        utc: false,
        dst: -1,
        timezone: name,
        zone: { kind: "iana", name, range: { start: lastSpace + 1, end: spec.length } },
      };
    }
  }
  return { body: spec, utc: false, dst: -1, timezone: null };
}

/** The characters verify_timezone() (time-util.c) allows in a zone name. */
export function isZoneNameSyntax(name: string): boolean {
  if (name === "UTC") return true;
  return /^[A-Za-z0-9_+-]+(\/[A-Za-z0-9_+-]+)*$/.test(name);
}

/** A last word that looks like a zone name but names none: worth a warning. */
export function unknownZoneCandidate(spec: string): { name: string; start: number } | undefined {
  const lastSpace = spec.lastIndexOf(" ");
  if (lastSpace < 0) return undefined;
  const name = spec.slice(lastSpace + 1);
  if (!/[A-Za-z]/.test(name) || !/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return undefined;
  return { name, start: lastSpace + 1 };
}
