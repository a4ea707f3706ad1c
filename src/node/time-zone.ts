import { existsSync, readFileSync, readlinkSync, statSync } from "node:fs";
import {
  type Zone,
  type ZoneSource,
  LibcSession,
  hostZoneName,
  intlZoneSource,
  isIntlZoneName,
  tzifZone,
  tzifZoneSource,
  utcZone,
  zoneFromTz,
} from "../calendar/index.js";
import { UsageError } from "../core/usage-error.js";

/*
 * Where the commands get their zones: the zoneinfo files glibc reads, and the
 * local zone the way glibc's tzset() finds it ($TZ, else /etc/localtime). One
 * module, so `check`, `next`, `calendar` and `schedule` agree.
 */

const ZONEINFO = "/usr/share/zoneinfo";

function readRegular(path: string): Uint8Array | undefined {
  try {
    if (!statSync(path).isFile()) return undefined;
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/**
 * The zones this machine's glibc would use: zoneinfo files when the system has
 * them (so results match systemd byte for byte), else the JavaScript engine's.
 */
export function nodeZoneSource(): ZoneSource {
  if (!existsSync(ZONEINFO)) return intlZoneSource;
  return tzifZoneSource((name) => readRegular(name.startsWith("/") ? name : `${ZONEINFO}/${name}`));
}

/** The local zone the way glibc's tzset() finds it from $TZ and /etc/localtime. */
export function nodeLocalZone(env: NodeJS.ProcessEnv, zones: ZoneSource): Zone {
  return zoneFromTz(env["TZ"], zones, () => {
    const bytes = readRegular("/etc/localtime");
    if (bytes) return tzifZone("localtime", bytes) ?? utcZone;
    if (zones === intlZoneSource) return zoneFromTz(hostZoneName(), zones);
    return utcZone;
  });
}

/** A fresh glibc "process" for this environment: what one systemd-analyze run starts with. */
export function nodeSession(env: NodeJS.ProcessEnv = process.env): { session: LibcSession; zones: ZoneSource } {
  const zones = nodeZoneSource();
  return { session: new LibcSession(nodeLocalZone(env, zones)), zones };
}

/**
 * The machine's zone by name, for settings that hold a name (`--tz`'s
 * default, LintSettings.timeZone): $TZ, else the zone /etc/localtime links to
 * ("Europe/Berlin"), else the file itself, else UTC.
 */
export function machineTimeZone(env: NodeJS.ProcessEnv): string {
  if (env["TZ"] !== undefined) return env["TZ"];
  try {
    const target = readlinkSync("/etc/localtime");
    const i = target.indexOf("zoneinfo/");
    if (i >= 0) return target.slice(i + "zoneinfo/".length);
  } catch {
    /* not a link: read the file itself */
  }
  return existsSync("/etc/localtime") ? "/etc/localtime" : "UTC";
}

/**
 * The zone the timer rules compute elapses in (LintSettings.timeZone), for
 * `check` and the language server: `given` (--tz, the editor's setting), else
 * the machine's as `next` and `schedule` read it. With `zones` (the machine's
 * zoneinfo files, which the rules are then given too) the machine's value is
 * kept as it is: the rules read it as glibc does (a zone file, a path, else a
 * POSIX TZ string). Without, the rules use the runtime's zone data, which
 * knows zones by name only: a POSIX TZ string or an /etc/localtime that is no
 * link falls back to the zone the runtime reports.
 */
export function timeZoneSetting(given: string | undefined, env: NodeJS.ProcessEnv, zones?: ZoneSource): string {
  const known = (name: string) => name === "UTC" || (zones ? zones.load(name) !== undefined : isIntlZoneName(name));
  if (given !== undefined) {
    if (!known(given)) throw new UsageError(`--tz: unknown time zone '${given}'`);
    return given;
  }
  const machine = machineTimeZone(env);
  if (zones) return machine;
  return known(machine) ? machine : hostZoneName();
}
