import type { Command } from "commander";
import { processIo, type Io } from "../io.js";
import { analyzeCalendar, calendarJson } from "../../calendar/index.js";
import { nodeSession } from "../../node/time-zone.js";
import { baseTimeArg, iterationsArg, nowUsec } from "../calendar-args.js";

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
    .option(
      "--base-time <timestamp>",
      "compute elapses after this time instead of now (systemd timestamp syntax, e.g. '2026-01-01 00:00:00 UTC' or @1767225600)",
    )
    .option("--json", "print JSON instead of systemd-analyze's table")
    .action((specs: string[], opts: CalendarFlags) => {
      process.exitCode = runCalendar(specs, opts, processIo);
    });
}
