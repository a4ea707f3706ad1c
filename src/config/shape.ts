import type { SeverityOrOff } from "../core/diagnostic.js";
import { closestMatch } from "../core/suggest.js";
import { UNIT_TYPES } from "../model/unit-name.js";

// Facts shared by the validator (config.ts) and the published schema (schema.ts), so the two cannot drift.

export const SEVERITIES: SeverityOrOff[] = ["off", "info", "warning", "error"];

/** The severity a mistyped one meant: `warn` → `warning` (a prefix), `eror` → `error` (a typo), `Error` → `error`. */
export function guessSeverity(text: string): SeverityOrOff | undefined {
  const lower = text.toLowerCase();
  if (lower.length >= 2) {
    const prefixed = SEVERITIES.find((s) => s.startsWith(lower));
    if (prefixed) return prefixed;
  }
  return closestMatch(lower, SEVERITIES) as SeverityOrOff | undefined;
}

/** systemd versions are three-digit numbers (systemd 252); anything else is a typo. */
export const VERSION_MIN = 100;
export const VERSION_MAX = 999;

/** A unit name: the characters unit_name_is_valid() accepts, then a known type suffix (systemd.unit(5)). */
export const UNIT_NAME_PATTERN = new RegExp(`^[A-Za-z0-9:_.\\\\@-]+\\.(${UNIT_TYPES.join("|")})$`);
