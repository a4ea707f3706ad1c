import { LibcSession } from "./libc/session.js";
import { type ZoneSource, intlZoneSource, zoneFromTz } from "./zone/source.js";
import type { Zone } from "./zone/zone.js";
import { hostZoneName } from "./zone/intl-zone.js";

/** Where calendar computations get their zones and which zone is "local". */
export interface CalendarOptions {
  /**
   * The local zone for specs without a zone suffix, like TZ= for systemd: an
   * IANA name ("Europe/Berlin"), "UTC", or a POSIX TZ string. Default: the
   * host's zone as the JavaScript engine reports it.
   */
  tz?: string;
  /** Zone data; default: the JavaScript engine's (Intl). */
  zones?: ZoneSource;
}

export function resolveZones(options?: CalendarOptions): ZoneSource {
  return options?.zones ?? intlZoneSource;
}

export function localZone(options?: CalendarOptions): Zone {
  const zones = resolveZones(options);
  return zoneFromTz(options?.tz ?? hostZoneName(), zones);
}

/** A fresh "process": what one systemd-analyze run starts with. */
export function newSession(options?: CalendarOptions): LibcSession {
  return new LibcSession(localZone(options));
}
