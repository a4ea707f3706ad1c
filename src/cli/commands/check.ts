import { Option, type Command } from "commander";
import { UsageError } from "../errors.js";
import { processIo } from "../io.js";
import { formatterNames } from "../../format/index.js";
import { PRESETS, type Preset } from "../../linter/severity.js";
import { REFERENCE_SYSTEMD } from "../../knowledge/reference.js";

const collect = (v: string, prev: string[]) => [...prev, v];

function intArg(name: string) {
  return (v: string) => {
    if (!/^\d+$/.test(v)) throw new UsageError(`${name} expects a whole number, got '${v}'`);
    return Number(v);
  };
}

function versionsArg(v: string): number[] {
  const list = v.split(",").map((s) => s.trim());
  if (list.some((s) => !/^\d{3}$/.test(s))) throw new UsageError(`--target-systemd expects versions such as 252 or 247,252, got '${v}'`);
  return list.map(Number);
}

export function register(program: Command): void {
  program
    .command("check")
    .description("lint unit files, drop-ins and folders (default: ./etc/systemd if present, else .)")
    .argument("[paths...]", "files or folders; '-' reads standard input")
    .addOption(new Option("-f, --format <name>", "output format").choices(formatterNames()).default("stylish"))
    .option("-o, --output <file>", "write the report to a file instead of standard output")
    .option("--max-warnings <n>", "exit 1 when there are more warnings than this", intArg("--max-warnings"))
    .option("--stdin-filename <name>", "file name to lint standard input as (decides the unit type)")
    .option("--rule <id=severity>", "set a rule's severity (off|info|warning|error); repeatable", collect, [])
    .option(
      "--target-systemd <versions>",
      `systemd versions the units must run on, e.g. 247,252: settings and values newer than the oldest are reported. Values and refusals are always judged as systemd ${REFERENCE_SYSTEMD} judges them (the summary line says so)`,
      versionsArg,
    )
    .option("--user", "units are user units (systemctl --user)")
    .option("--external <unit>", "a unit that exists on the target host though not in the checked set; repeatable", collect, [])
    .option("--crontab <file>", "a user crontab to check (no user field, as `crontab -l` prints it); repeatable", collect, [])
    .addOption(
      new Option("--preset <name>", "enable a preset of extra rules; repeatable")
        .choices(PRESETS)
        .argParser((v: string, prev: Preset[] | undefined) => [...(prev ?? ["recommended"]), v as Preset]),
    )
    .option("-q, --quiet", "report errors only")
    .option("--report-unused-disables", "report unitlint-disable comments that suppress nothing")
    .option("--fix", "apply the safe fixes to the files (atomic writes), then report what is left")
    .option("--fix-dry-run", "print the safe fixes as a unified diff instead of writing them")
    .option("--fix-unsafe", "also apply fixes that may change behaviour (implies --fix unless --fix-dry-run)")
    .option("-c, --config <file>", "use this configuration file (default: unitlint.config.json or .unitlintrc.json found upward from each file)")
    .option("--no-config", "ignore configuration files")
    .option("--print-config <file>", "print the effective configuration for a file and exit")
    .option("--tz <zone>", "zone of timers' OnCalendar= specs without their own (default: $TZ, else the system's), as for next and schedule")
    .option("--cache", "reuse the results of the last run for what did not change (kept in ./.unitlintcache)")
    .option("--cache-location <path>", "where --cache keeps its file: a file, or a folder for .unitlintcache (implies --cache)")
    .option("--with-systemd", "also run systemd-analyze verify (where installed) and report its messages, deduplicated")
    .option("--color", "force colour")
    .option("--no-color", "no colour")
    .action(async (paths: string[], opts) => {
      // Loaded on demand: other commands (calendar, next...) need none of the rules.
      const { runCheck } = await import("../check.js");
      process.exitCode = await runCheck(paths, opts, processIo);
    });
}
