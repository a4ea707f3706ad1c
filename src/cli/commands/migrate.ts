import { Option, type Command } from "commander";
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { crontabFormatFor, parseCrontab, type CrontabFormat } from "../../crontab/index.js";
import { timespanUsec } from "../../crontab/schedule.js";
import { parseJobsFile, type JobsFile } from "../../jobs/index.js";
import { migrateCrontab, migrateJobs, type MigrationResult } from "../../migrate/index.js";
import { readUnitFile } from "../../node/read.js";
import { EXIT_OK, UsageError } from "../errors.js";
import { escapingErr, processIo, type Io } from "../io.js";
import { displayName } from "../../format/escape.js";

interface OutputFlags {
  out: string;
  user?: boolean;
  prefix?: string;
  force?: boolean;
  dryRun?: boolean;
}

function read(path: string): string {
  const r = readUnitFile(path);
  if (!r.ok) throw new UsageError(`${path}: ${r.message}`);
  return r.text;
}

/** Write (or, with --dry-run, print) the generated files; refuse to overwrite without --force, before writing anything. */
function emit(result: MigrationResult, opts: OutputFlags, rawIo: Io): number {
  const io = escapingErr(rawIo);
  for (const n of result.notes) io.err(`note: ${n.where}: ${n.message}\n`);
  if (result.files.length === 0) {
    io.err("unitlint: nothing to migrate\n");
    return 1;
  }
  if (opts.dryRun) {
    for (const f of result.files) io.out(`# ${displayName(join(opts.out, f.name))}\n${f.text}\n`);
    return EXIT_OK;
  }
  const existing = result.files.map((f) => join(opts.out, f.name)).filter((p) => existsSync(p));
  if (existing.length > 0 && !opts.force) throw new UsageError(`not overwriting ${existing.join(", ")} (use --force)`);
  try {
    mkdirSync(opts.out, { recursive: true });
    for (const f of result.files) {
      const p = join(opts.out, f.name);
      writeFileSync(p, f.text);
      if (f.executable) chmodSync(p, 0o755);
      io.out(`wrote ${displayName(p)}\n`);
    }
  } catch (e) {
    throw new UsageError(`cannot write to ${opts.out}: ${(e as Error).message}`);
  }
  const timers = result.files.filter((f) => f.name.endsWith(".timer")).map((f) => f.name);
  io.err(`next: check with 'unitlint check ${opts.out}', install, then systemctl${opts.user ? " --user" : ""} enable --now ${timers.join(" ")}\n`);
  return EXIT_OK;
}

export function runMigrateCrontab(
  file: string,
  opts: OutputFlags & { timeout: string; format?: CrontabFormat; names?: "program" | "comment" },
  io: Io,
): number {
  if (timespanUsec(opts.timeout) === undefined)
    throw new UsageError(`--timeout expects a systemd time span such as 30min, 2h or infinity, got '${opts.timeout}'`);
  // a user crontab (crontab -l) has no user field; /etc/crontab and cron.d files do
  const text = read(file);
  const format = opts.format ?? (opts.user ? "user" : (crontabFormatFor(file, text) ?? "user"));
  const crontab = parseCrontab(text, file, format);
  const result = migrateCrontab(crontab, {
    mode: opts.user ? "user" : "system",
    prefix: opts.prefix ?? "cron",
    timeout: opts.timeout,
    nameFrom: opts.names ?? "program",
  });
  return emit(result, opts, io);
}

function jsonFilesUnder(path: string, out: string[] = []): string[] {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) throw new UsageError(`${path}: no such file or folder`);
  if (st.isFile()) return [...out, path];
  for (const name of readdirSync(path).sort()) {
    const p = join(path, name);
    const s = statSync(p, { throwIfNoEntry: false });
    if (s?.isDirectory() && name !== "node_modules" && !name.startsWith(".")) jsonFilesUnder(p, out);
    else if (s?.isFile() && name.endsWith(".json")) out.push(p);
  }
  return out;
}

export function runMigrateJobs(paths: string[], opts: OutputFlags & { scriptDir?: string }, io: Io): number {
  const inputs: JobsFile[] = [];
  for (const p of paths.flatMap((x) => jsonFilesUnder(x))) {
    const f = parseJobsFile(read(p), p);
    if (f.shape === "invalid-json") io.err(`note: ${p}: not valid JSON, skipped (see unitlint check)\n`);
    else if (f.shape !== "unrecognized") inputs.push(f);
  }
  const jobOpts: Parameters<typeof migrateJobs>[1] = { mode: opts.user ? "user" : "system", prefix: opts.prefix ?? "" };
  if (opts.scriptDir) jobOpts.scriptDir = opts.scriptDir;
  return emit(migrateJobs(inputs, jobOpts), opts, io);
}

const outputOptions = (cmd: Command) =>
  cmd
    .option("-o, --out <dir>", "folder for the generated units", ".")
    .option("--user", "generate user units (systemctl --user)")
    .option("--prefix <name>", "unit name prefix")
    .option("--force", "overwrite existing files")
    .option("--dry-run", "print the files instead of writing them");

export function register(program: Command): void {
  const migrate = program.command("migrate").description("turn crontabs and job files into systemd services and timers");
  outputOptions(
    migrate
      .command("crontab")
      .description("one .service + .timer pair per crontab line")
      .argument("<file>", "a crontab (user crontab, /etc/crontab or a cron.d file)"),
  )
    .option("--timeout <span>", "TimeoutStartSec= of the services (cron never stops a job)", "infinity")
    .addOption(
      new Option("--format <format>", "crontab format: 'system' has a user field after the schedule (default: from the file name)").choices(["user", "system"]),
    )
    .addOption(
      new Option(
        "--names <from>",
        "name each unit after the program that does the job's work, or after the comment line right above the job (falls back to the program)",
      )
        .choices(["program", "comment"])
        .default("program"),
    )
    .action((file: string, opts) => {
      process.exitCode = runMigrateCrontab(file, opts, processIo);
    });
  outputOptions(
    migrate
      .command("jobs")
      .description("one .service + .timer pair per job of JSON job files (OpenTofu Workspace Scheduler format)")
      .argument("<paths...>", "job files or folders of them (jobs/, workspace files)"),
  )
    .option("--script-dir <dir>", "write script jobs as <name>.sh files to be installed in this folder (default: run them inline with bash -c)")
    .action((paths: string[], opts) => {
      process.exitCode = runMigrateJobs(paths, opts, processIo);
    });
}
