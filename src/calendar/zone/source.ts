import { intlZone } from "./intl-zone.js";
import { posixZone } from "./posix-tz.js";
import { isTzif, tzifZone } from "./tzif.js";
import { type Zone, utcZone } from "./zone.js";

/** Where zones come from: the JavaScript engine (Intl) or zoneinfo files. */
export interface ZoneSource {
  /** The zone a zoneinfo file of exactly this name holds, or undefined. */
  load(name: string): Zone | undefined;
}

/** Zones from the JavaScript engine's tz data; works in browsers. */
export const intlZoneSource: ZoneSource = (() => {
  const cache = new Map<string, Zone | undefined>();
  return {
    load(name: string) {
      if (name === "UTC") return utcZone;
      if (!cache.has(name)) cache.set(name, intlZone(name));
      return cache.get(name);
    },
  };
})();

/**
 * Zones from compiled zoneinfo files (what glibc and systemd use), read through
 * `read(name)` (e.g. /usr/share/zoneinfo/NAME); names with no file fall back to
 * `fallback`, if given.
 */
export function tzifZoneSource(read: (name: string) => Uint8Array | undefined, fallback?: ZoneSource): ZoneSource {
  const cache = new Map<string, Zone | undefined>();
  return {
    load(name: string) {
      if (!cache.has(name)) {
        const bytes = read(name);
        let zone: Zone | undefined;
        if (bytes && isTzif(bytes)) zone = tzifZone(name, bytes);
        else if (!bytes) zone = name === "UTC" ? utcZone : fallback?.load(name);
        cache.set(name, zone);
      }
      return cache.get(name);
    },
  };
}

/**
 * The zone glibc's tzset() picks for a TZ value: unset → the system default
 * (`systemDefault`), "" → Universal, a leading ':' is dropped, a zoneinfo
 * name, else a POSIX TZ string.
 */
export function zoneFromTz(tz: string | undefined, source: ZoneSource, systemDefault: () => Zone = () => utcZone): Zone {
  if (tz === undefined) return systemDefault();
  let name = tz === "" ? "Universal" : tz;
  if (name.startsWith(":")) name = name.slice(1);
  return source.load(name) ?? (name === "Universal" ? utcZone : posixZone(name, name));
}
