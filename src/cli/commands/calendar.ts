import { existsSync, readFileSync, statSync } from "node:fs";
import type { Command } from "commander";
import { UsageError } from "../errors.js";
import { processIo, type Io } from "../io.js";
import { analyzeCalendar } from "../../calendar/analyze/calendar-report.js";
import { calendarJson } from "../../calendar/analyze/calendar-json.js";
import { LibcSession } from "../../calendar/libc/session.js";
import { type ZoneSource, intlZoneSource, tzifZoneSource, zoneFromTz } from "../../calendar/zone/source.js";
import { tzifZone } from "../../calendar/zone/tzif.js";
import { utcZone, type Zone } from "../../calendar/zone/zone.js";
import { parseTimestampIn } from "../../calendar/timestamp/parse-timestamp.js";

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
    if (zones === intlZoneSource) return zoneFromTz(new Intl.DateTimeFormat().resolvedOptions().timeZone, zones);
    return utcZone;
  });
}

/** A fresh glibc "process" for this environment: what one systemd-analyze run starts with. */
export function nodeSession(env: NodeJS.ProcessEnv = process.env): { session: LibcSession; zones: ZoneSource } {
  const zones = nodeZoneSource();
  return { session: new LibcSession(nodeLocalZone(env, zones)), zones };
}

export const nowUsec = () => Date.now() * 1000;

export function iterationsArg(v: string): number {
  if (!/^\d+$/.test(v) || Number(v) > 4294967295) throw new UsageError(`--iterations expects a whole number, got '${v}'`);
  return Number(v);
}

/** systemd-analyze parses --base-time in its own process before any spec, so it shares the session. */
export function baseTimeArg(text: string | undefined, session: LibcSession, zones: ZoneSource, now: number, zoneNames: "honour" | "reject" = "reject"): number {
  if (text === undefined) return now;
  const r = parseTimestampIn(text, session, zones, BigInt(now), { zoneNames });
  if (!r.ok) throw new UsageError(`Failed to parse --base-time= parameter: ${text} (${r.message})`);
  return Number(r.usec);
}

interface CalendarFlags {
  iterations: number;
  baseTime?: string;
  json?: boolean;
}

export function runCalendar(specs: string[], opts: CalendarFlags, io: Io): number {
  const { session, zones } = nodeSession(io.env);
  const now = nowUsec();
  const base = baseTimeArg(opts.baseTime, session, zones, now);
  if (opts.json) {
    const out = calendarJson({ specs, iterations: opts.iterations, base, session, zones });
    io.out(JSON.stringify(out, null, 2) + "\n");
    return out.every((r) => r.ok) ? 0 : 1;
  }
  const r = analyzeCalendar({ specs, iterations: opts.iterations, base, now, session, zones, program: "unitlint" });
  io.out(r.stdout);
  io.err(r.stderr);
  return r.exitCode;
}

export function register(program: Command): void {
  program
    .command("calendar")
    .description("show the normalized form and next elapses of OnCalendar= specs, exactly as systemd-analyze calendar (systemd 252)")
    .argument("<specs...>", "calendar specifications, e.g. 'Mon..Fri *-*-* 09:00' or 'daily'")
    .option("--iterations <n>", "how many elapses to show", iterationsArg, 1)
    .option("--base-time <timestamp>", "compute elapses after this time instead of now (systemd timestamp syntax, e.g. '2026-01-01 00:00:00 UTC' or @1767225600)")
    .option("--json", "print JSON instead of systemd-analyze's table")
    .action((specs: string[], opts: CalendarFlags) => {
      process.exitCode = runCalendar(specs, opts, processIo);
    });
}
