import type { Command } from "commander";
import { processIo, type Io } from "../io.js";
import { analyzeTimespan, formatTimespan, microGlyph, parseTimespan } from "../../calendar/index.js";
import { nodeSession } from "../../node/time-zone.js";
import { nowUsec } from "../calendar-args.js";

export function runTimespan(spans: string[], opts: { json?: boolean }, io: Io): number {
  if (opts.json) {
    const out = spans.map((s) => {
      const r = parseTimespan(s);
      return r.ok
        ? { input: s, ok: true, usec: r.infinity ? "infinity" : r.usec.toString(), human: formatTimespan(r.usec) }
        : { input: s, ok: false, error: { message: r.message, errno: r.errno, start: r.range.start, end: r.range.end, column: r.range.start + 1 } };
    });
    io.out(JSON.stringify(out, null, 2) + "\n");
    return out.every((r) => r.ok) ? 0 : 1;
  }
  const { session, zones } = nodeSession(io.env);
  const r = analyzeTimespan(spans, { mu: microGlyph(io.env), session, zones, now: BigInt(nowUsec()), program: "unitlint" });
  io.out(r.stdout);
  io.err(r.stderr);
  return r.exitCode;
}

export function register(program: Command): void {
  program
    .command("timespan")
    .description("parse systemd time spans (TimeoutStopSec=, RestartSec=, OnBootSec=…) and print them like systemd-analyze timespan")
    .argument("<spans...>", "time spans, e.g. '5min 20s', '1h30m', 90, infinity")
    .option("--json", "print JSON")
    .action((spans: string[], opts: { json?: boolean }) => {
      process.exitCode = runTimespan(spans, opts, processIo);
    });
}
