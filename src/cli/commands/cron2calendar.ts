import type { Command } from "commander";
import { processIo, type Io } from "../io.js";
import { cronToCalendarLines, parseCron } from "../../calendar/index.js";

export function runCron2Calendar(expr: string, opts: { json?: boolean }, io: Io): number {
  const parsed = parseCron(expr);
  if (!parsed.ok) {
    if (opts.json)
      io.out(
        JSON.stringify({ ok: false, lines: [], notes: [], error: { message: parsed.error.message, column: parsed.error.range.start + 1 } }, null, 2) + "\n",
      );
    else io.err(`unitlint: ${expr}: ${parsed.error.message} (column ${parsed.error.range.start + 1})\n`);
    return 1;
  }
  const conv = cronToCalendarLines(parsed.cron);
  if (opts.json) {
    io.out(JSON.stringify({ ...conv, ...(parsed.cron.command ? { command: parsed.cron.command } : {}) }, null, 2) + "\n");
    return conv.ok ? 0 : 1;
  }
  for (const line of conv.lines) io.out(`OnCalendar=${line}\n`);
  if (parsed.cron.command) io.err(`note: the command '${parsed.cron.command}' belongs in the service's ExecStart=\n`);
  for (const note of conv.notes) io.err(`note: ${note}\n`);
  return conv.ok ? 0 : 1;
}

export function register(program: Command): void {
  program
    .command("cron2calendar")
    .description("convert a cron expression to equivalent OnCalendar= line(s)")
    .argument("<cron>", "a cron expression, e.g. '0 2 * * 1-5' or '@daily'")
    .option("--json", "print JSON")
    .action((expr: string, opts: { json?: boolean }) => {
      process.exitCode = runCron2Calendar(expr, opts, processIo);
    });
}
