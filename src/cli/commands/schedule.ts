import { existsSync, writeFileSync } from "node:fs";
import { Option, type Command } from "commander";
import { parseTimestamp } from "../../calendar/index.js";
import { ansi, plain } from "../../format/colors.js";
import { dropinTarget, parseFile, type UnitFile } from "../../model/unit-file.js";
import { buildUnitSet } from "../../model/unit-set.js";
import { parseScheduleFile, scheduleKindOf, type ScheduleFile } from "../../model/schedule-file.js";
import { collectInputs } from "../../node/collect.js";
import { contextFiles } from "../../node/context.js";
import { readUnitFile } from "../../node/read.js";
import { buildSchedule, renderHtml, renderIcs, renderJson, renderTerminal, type ScheduleModel } from "../../schedule/index.js";
import { UsageError } from "../errors.js";
import { processIo, useColor, type Io } from "../io.js";
import { machineTimeZone, nodeZoneSource } from "../../node/time-zone.js";

const SCHEDULE_FORMATS = ["terminal", "json", "html", "ics"] as const;

interface ScheduleFlags {
  from?: string;
  days: number;
  tz?: string;
  format: string;
  output?: string;
  width?: number;
  color?: boolean;
  crontab: string[];
}

const collect = (v: string, prev: string[]) => [...prev, v];

function daysArg(v: string): number {
  if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 366) throw new UsageError(`--days expects a whole number of days from 1 to 366, got '${v}'`);
  return Number(v);
}

function widthArg(v: string): number {
  if (!/^\d+$/.test(v) || Number(v) < 60 || Number(v) > 1000) throw new UsageError(`--width expects a number of columns from 60 to 1000, got '${v}'`);
  return Number(v);
}

/** Read the inputs as `check` does and build the model. */
function loadSchedule(paths: string[], opts: Pick<ScheduleFlags, "from" | "days" | "tz" | "crontab">, io: Io): { model: ScheduleModel; errors: number } {
  const zones = nodeZoneSource();
  const tz = opts.tz ?? machineTimeZone(io.env);
  if (opts.tz !== undefined && opts.tz !== "UTC" && zones.load(opts.tz) === undefined) throw new UsageError(`--tz: unknown time zone '${opts.tz}'`);
  let from = Date.now() * 1000;
  if (opts.from !== undefined) {
    const r = parseTimestamp(opts.from, tz, { zones, now: from });
    if (!r.ok)
      throw new UsageError(`--from: cannot parse '${opts.from}' (${r.message}); use systemd's timestamp syntax, e.g. '2026-03-23 00:00' or @1774224000`);
    from = Number(r.usec);
  }
  if (paths.length === 0 && opts.crontab.length === 0) paths = [existsSync("etc/systemd") ? "etc/systemd" : "."];
  let errors = 0;
  const collected = collectInputs(paths);
  for (const e of collected.errors) {
    io.err(`unitlint: ${e.path}: ${e.message}\n`);
    errors++;
  }
  const unitFiles: UnitFile[] = [];
  const scheduleFiles: ScheduleFile[] = [];
  const given = new Set<string>();
  const knownUnits = new Set<string>();
  const read = (path: string, kind: "crontab" | undefined, context: boolean) => {
    const sk = kind ?? scheduleKindOf(path);
    // only timers (and their drop-ins) are read and parsed; of the other units the name is enough (is a timer's Unit= there?)
    const base = path.slice(path.lastIndexOf("/") + 1);
    const target = dropinTarget(path);
    if (!sk && (target ? !/(^|\.)timer$/.test(target) : !base.endsWith(".timer"))) {
      if (!target) knownUnits.add(base);
      return;
    }
    if (sk && context) return;
    const r = readUnitFile(path);
    if (!r.ok) {
      if (!context) {
        io.err(`unitlint: ${path}: ${r.message}\n`);
        errors++;
      }
      return;
    }
    if (sk) {
      // a file named crontab outside etc/ may turn out a user crontab once its jobs are read
      scheduleFiles.push(parseScheduleFile(path, r.text, kind ?? scheduleKindOf(path, r.text) ?? sk));
      return;
    }
    unitFiles.push(parseFile(path, r.text));
    if (!context) given.add(path);
  };
  for (const path of collected.files) read(path, undefined, false);
  for (const path of opts.crontab) read(path, "crontab", false);
  for (const path of contextFiles(collected.files)) read(path, undefined, true);
  const model = buildSchedule(
    { units: buildUnitSet(unitFiles), scheduleFiles, enabled: collected.enabled, given, knownUnits },
    { from, days: opts.days, tz, zones },
  );
  return { model, errors };
}

export function runSchedule(paths: string[], opts: ScheduleFlags, io: Io, columns?: number): number {
  if (!(SCHEDULE_FORMATS as readonly string[]).includes(opts.format))
    throw new UsageError(`unknown format '${opts.format}' (choose from ${SCHEDULE_FORMATS.join(", ")})`);
  const { model, errors } = loadSchedule(paths, opts, io);
  let text: string;
  if (opts.format === "json") text = renderJson(model);
  else if (opts.format === "html") text = renderHtml(model);
  else if (opts.format === "ics") text = renderIcs(model);
  else {
    const colour = opts.output === undefined && useColor(io, opts.color);
    text = renderTerminal(model, { width: opts.width ?? (io.isTTY && columns ? columns : 100), palette: colour ? ansi : plain });
  }
  if (opts.output !== undefined) writeFileSync(opts.output, text);
  else io.out(text);
  return errors > 0 ? 1 : 0;
}

export function register(program: Command): void {
  program
    .command("schedule")
    .description("when does everything run? a timeline of the timers, crontabs and job files under PATHS (default: ./etc/systemd if present, else .)")
    .argument("[paths...]", "files or folders, read as `check` reads them")
    .option("--from <timestamp>", "window start (systemd timestamp syntax, e.g. '2026-03-23 00:00'; default: now)")
    .option("--days <n>", "window length in days", daysArg, 7)
    .option("--tz <zone>", "zone of specs without their own and of crontabs (default: $TZ, else the system's)")
    .addOption(new Option("-f, --format <name>", "output format").choices([...SCHEDULE_FORMATS]).default("terminal"))
    .option("-o, --output <file>", "write to a file instead of standard output")
    .option("--width <columns>", "timeline width (default: the terminal's, else 100)", widthArg)
    .option("--crontab <file>", "a user crontab (no user field, as `crontab -l` prints it); repeatable", collect, [])
    .option("--color", "force colour")
    .option("--no-color", "no colour")
    .action((paths: string[], opts: ScheduleFlags) => {
      process.exitCode = runSchedule(paths, opts, processIo, process.stdout.columns);
    });
}
