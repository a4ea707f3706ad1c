import type { CalendarOptions } from "../../calendar/index.js";
import type { LintSettings } from "../types.js";

/**
 * The zone options of a timer rule's calendar computation: the local zone
 * (`tz`, a rule option, else the run's setting, else UTC) and where zones load
 * from (the run's zone source, else the JavaScript engine's).
 */
export function zoneOptions(settings: LintSettings, tz?: string): CalendarOptions {
  return { tz: tz ?? settings.timeZone ?? "UTC", ...(settings.zones ? { zones: settings.zones } : {}) };
}
