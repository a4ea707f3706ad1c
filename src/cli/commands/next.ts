import type { Command } from "commander";
import { UsageError } from "../errors.js";
import { processIo, type Io } from "../io.js";
import { baseTimeArg, nowUsec } from "../calendar-args.js";
import { nodeLocalZone, nodeZoneSource } from "../../node/time-zone.js";
import {
  LibcSession,
  cronRunsIn,
  cronToCalendarLines,
  elapsesAfter,
  formatTimestamp,
  isoWithOffset,
  parseCalendarIn,
  parseCron,
  zoneFromTz,
} from "../../calendar/index.js";

/** `-n`: how many elapses `next` lists; zero would answer nothing, so it is a usage error like a word is. */
function countArg(v: string): number {
  if (!/^\d+$/.test(v) || Number(v) > 4294967295) throw new UsageError(`-n expects a whole number of elapses, got '${v}'`);
  if (Number(v) === 0) throw new UsageError("-n expects 1 or more elapses, got 0");
  return Number(v);
}

interface NextFlags {
  n: number;
  tz?: string;
  baseTime?: string;
  json?: boolean;
  cron?: boolean;
  calendar?: boolean;
}

interface NextJson {
  ok: boolean;
  kind: "calendar" | "cron";
  normalized?: string;
  elapses: string[];
  calendar?: string[];
  error?: { message: string; column: number };
}

export function runNext(spec: string, opts: NextFlags, io: Io): number {
  if (opts.cron && opts.calendar) throw new UsageError("--cron and --calendar exclude each other");
  const zones = nodeZoneSource();
  const zone = opts.tz !== undefined ? zoneFromTz(opts.tz, zones) : nodeLocalZone(io.env, zones);
  if (opts.tz !== undefined && zones.load(opts.tz) === undefined && opts.tz !== "UTC") throw new UsageError(`--tz: unknown time zone '${opts.tz}'`);
  const session = new LibcSession(zone);
  const now = nowUsec();
  const base = baseTimeArg(opts.baseTime, session, zones, now, "honour");

  let result: NextJson;
  const cal = opts.cron ? undefined : parseCalendarIn(spec, session, zones);
  const cron = opts.calendar || cal?.ok ? undefined : parseCron(spec);
  if (cal?.ok) {
    const r = elapsesAfter(cal.spec, base, opts.n, session, zones);
    result = {
      ok: r.end === undefined || r.end === "ENOENT",
      kind: "calendar",
      normalized: cal.normalized,
      elapses: r.elapses.map((u) => isoWithOffset(u, session)),
    };
    if (r.end && r.end !== "ENOENT") result.error = { message: "systemd gives up computing the next elapse of this spec", column: 1 };
    printHuman(io, opts, result, r.elapses, session);
  } else if (cron?.ok) {
    const runs = cronRunsIn(cron.cron, Math.floor(base / 1e6), opts.n, zone);
    const conv = cronToCalendarLines(cron.cron);
    result = { ok: true, kind: "cron", elapses: runs.map((t) => isoWithOffset(t * 1e6, session)), calendar: conv.lines };
    if (conv.lines.length === 1) result.normalized = conv.lines[0]!;
    printHuman(
      io,
      opts,
      result,
      runs.map((t) => t * 1e6),
      session,
    );
  } else {
    // neither parses: blame the grammar the text looks like (cron has five blank-separated fields)
    const looksCron = opts.cron || (!opts.calendar && (/^\s*@/.test(spec) || spec.trim().split(/\s+/).length >= 5));
    const useCron = looksCron && cron !== undefined && !cron.ok;
    const err =
      useCron && cron && !cron.ok
        ? { message: cron.error.message, column: cron.error.range.start + 1 }
        : cal && !cal.ok
          ? { message: cal.error.message, column: cal.error.range.start + 1 }
          : { message: "not a cron expression", column: 1 };
    result = { ok: false, kind: useCron ? "cron" : "calendar", elapses: [], error: err };
    if (opts.json) io.out(JSON.stringify(result, null, 2) + "\n");
    else io.err(`unitlint: ${spec}: ${err.message}${/\bcolumn \d+/.test(err.message) ? "" : ` (column ${err.column})`}\n`);
    return 1;
  }
  if (opts.json) io.out(JSON.stringify(result, null, 2) + "\n");
  return result.ok ? 0 : 1;
}

function printHuman(io: Io, opts: NextFlags, r: NextJson, usecs: number[], session: LibcSession): void {
  if (opts.json) return;
  if (r.kind === "cron") {
    for (const line of r.calendar ?? []) io.out(`OnCalendar=${line}\n`);
  } else io.out(`${r.normalized}\n`);
  if (usecs.length === 0) io.out("never\n");
  usecs.forEach((u, i) => io.out(`${formatTimestamp(u, session)}  ${r.elapses[i]}\n`));
  if (r.error) io.err(`unitlint: ${r.error.message}\n`);
}

export function register(program: Command): void {
  program
    .command("next")
    .description("when will this schedule fire? OnCalendar= specs or cron expressions (auto-detected)")
    .argument("<spec>", "an OnCalendar= value ('Mon..Fri 09:00') or a cron expression ('0 9 * * 1-5')")
    .option("-n <count>", "how many elapses (1 or more)", countArg, 5)
    .option("--tz <zone>", "local zone for specs without their own (default: $TZ, else the system's)")
    .option("--base-time <timestamp>", "start after this time (systemd timestamp syntax)")
    .option("--cron", "treat SPEC as a cron expression")
    .option("--calendar", "treat SPEC as an OnCalendar= spec")
    .option("--json", 'print {"ok","kind","normalized","elapses","error"}')
    .action((spec: string, opts: NextFlags) => {
      process.exitCode = runNext(spec, opts, processIo);
    });
}
