import type { SeverityOrOff } from "../core/diagnostic.js";
import { UNIT_TYPES } from "../model/unit-name.js";

// Facts shared by the validator (config.ts) and the published schema (schema.ts), so the two cannot drift.

export const SEVERITIES: SeverityOrOff[] = ["off", "info", "warning", "error"];

/** systemd versions are three-digit numbers (systemd 252); anything else is a typo. */
export const VERSION_MIN = 100;
export const VERSION_MAX = 999;

/** A unit name: the characters unit_name_is_valid() accepts, then a known type suffix (systemd.unit(5)). */
export const UNIT_NAME_PATTERN = new RegExp(`^[A-Za-z0-9:_.\\\\@-]+\\.(${UNIT_TYPES.join("|")})$`);
