import { Option, type Command } from "commander";
import { readFileSync } from "node:fs";
import { escapingErr, processIo, useColor, type Io } from "../io.js";
import { UsageError, EXIT_USAGE } from "../errors.js";

interface SecurityOptions {
  format: "table" | "json";
  threshold?: string;
  baseline?: string;
  color?: boolean;
  all?: boolean;
  /** The units are user units: scored with the user manager's defaults, as `systemd-analyze security --user`. */
  user?: boolean;
}

/** Parse `--threshold` (0–10, one decimal, like the printed scores) into tenths. */
export function parseThreshold(v: string | undefined, flag = "--threshold"): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+(\.\d)?$/.test(v) || Number(v) > 10) throw new UsageError(`${flag}: expected a score from 0.0 to 10.0, got '${v}'`);
  return Math.round(Number(v) * 10);
}

async function runSecurity(paths: string[], opts: SecurityOptions, rawIo: Io): Promise<number> {
  const io = escapingErr(rawIo);
  const threshold = parseThreshold(opts.threshold);
  const { loadUnits } = await import("../../node/load-units.js");
  const { assessUnit } = await import("../../hardening/assess.js");
  const { toReport, compareBaseline } = await import("../../hardening/report.js");
  const { formatTable, formatBaseline } = await import("../../format/exposure.js");
  const { ansi, plain } = await import("../../format/colors.js");
  let baseline: ReturnType<typeof toReport>[] | undefined;
  if (opts.baseline) baseline = readBaseline(opts.baseline);

  const loaded = loadUnits(paths);
  for (const e of loaded.errors) io.err(`unitlint: ${e.path}: ${e.message}\n`);
  const assessed = loaded.units.flatMap((u) => {
    const a = assessUnit(u, opts.user ? "user" : "system");
    return a ? [{ a, file: u.main?.path ?? null }] : [];
  });
  if (assessed.length === 0) {
    io.err("unitlint: no service, socket, mount or swap units found to assess\n");
    return EXIT_USAGE;
  }
  const palette = useColor(io, opts.color) ? ansi : plain;
  const reports = assessed.map(({ a, file }) => toReport(a, file));
  if (opts.format === "json") io.out(JSON.stringify(baseline ? { units: reports, baseline: compareBaseline(baseline, reports) } : reports, null, 2) + "\n");
  else {
    io.out(assessed.map(({ a }) => formatTable(a, palette, { onlyExposed: !opts.all })).join("\n"));
    if (baseline) io.out("\nCompared with " + opts.baseline + ":\n" + formatBaseline(compareBaseline(baseline, reports), palette));
  }
  if (loaded.errors.length) return EXIT_USAGE;
  if (threshold !== undefined && assessed.some(({ a }) => a.exposure > threshold)) return 1;
  return 0;
}

function readBaseline(path: string): import("../../hardening/report.js").UnitReport[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new UsageError(`--baseline ${path}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--baseline ${path}: not JSON (${(e as Error).message})`);
  }
  const list = Array.isArray(data) ? data : (data as { units?: unknown })?.units;
  const ok = Array.isArray(list) && list.every((r) => r && typeof r.unit === "string" && typeof r.exposure === "number" && Array.isArray(r.checks));
  if (!ok) throw new UsageError(`--baseline ${path}: expected the JSON of 'unitlint security --format json'`);
  return list as import("../../hardening/report.js").UnitReport[];
}

export function register(program: Command): void {
  program
    .command("security")
    .description("exposure score of services, computed like `systemd-analyze security --offline=true` (no systemd needed)")
    .argument("<paths...>", "unit files or folders (drop-ins in foo.service.d/ are applied)")
    .addOption(new Option("--format <name>", "output format").choices(["table", "json"]).default("table"))
    .option("--threshold <score>", "exit 1 when a unit's exposure is above this score (0.0–10.0)")
    .option("--baseline <file>", "compare with a saved `--format json` output and show what got better or worse")
    .option("--all", "list every check, not only the exposed ones")
    .option("--user", "the units are user units (systemctl --user): scored with the user manager's defaults, as systemd-analyze security --user")
    .option("--color", "force colours")
    .option("--no-color", "no colours")
    .action(async (paths: string[], opts: SecurityOptions) => {
      process.exitCode = await runSecurity(paths, opts, processIo);
    });
}
