import { existsSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import type { Finding, SeverityOrOff } from "../core/diagnostic.js";
import { SourceText } from "../core/source.js";
import { basenameOf, dropinTarget } from "../model/unit-file.js";
import { unitTypeOf } from "../model/unit-name.js";
import { unifiedDiff } from "../fix/diff.js";
import { formatters } from "../format/index.js";
import { sortFindings, type LintSource } from "../linter/lint.js";
import { lintProject, type ProjectOptions, type ProjectResult } from "../linter/project.js";
import type { Preset } from "../linter/severity.js";
import { collectInputs } from "../node/collect.js";
import { ProjectConfigs, type ProjectConfigOptions } from "../node/project-config.js";
import { nodeZoneSource, timeZoneSetting } from "../node/time-zone.js";
import type { ZoneSource } from "../calendar/index.js";
import { ResolvedConfig } from "../linter/configs.js";
import { contextFiles } from "../node/context.js";
import { readUnitFile, textRefusal } from "../node/read.js";
import { writeFileAtomic, writeReportAtomic } from "../node/write-atomic.js";
import { allRules } from "../rules/registry.js";
import { lookupRuleId } from "../rules/rule-id.js";
import { REFERENCE_SYSTEMD } from "../knowledge/reference.js";
import { guessSeverity, SEVERITIES } from "../config/shape.js";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError } from "./errors.js";
import { escapingErr, useColor, type Io } from "./io.js";
import { VERSION } from "./version.js";

interface CheckOptions {
  format: string;
  output?: string;
  maxWarnings?: number;
  stdinFilename?: string;
  color?: boolean;
  rule: string[];
  targetSystemd?: number[];
  user?: boolean;
  quiet?: boolean;
  preset?: Preset[];
  external?: string[];
  withSystemd?: boolean;
  reportUnusedDisables?: boolean;
  /** A config file, or false for --no-config; undefined: found upward from each checked file. */
  config?: string | false;
  printConfig?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  fixUnsafe?: boolean;
  /** User crontabs (no user field), e.g. the output of `crontab -l`. */
  crontab?: string[];
  /** Zone of timers' OnCalendar= specs without one of their own (default: as `next` and `schedule` pick it). */
  tz?: string;
  /** Reuse the results of the last run (`.unitlintcache`, or `cacheLocation`). */
  cache?: boolean;
  cacheLocation?: string;
}

/** From this many files (context files included) on, parsed files are kept compact once their own rules have run. */
const COMPACT_FROM = 500;

/** The run's local zone and where the timer rules load zones: this machine's zoneinfo files, as systemd would. */
function machineZones(tz: string | undefined, env: NodeJS.ProcessEnv): { timeZone: string; zones: ZoneSource } {
  const zones = nodeZoneSource();
  return { timeZone: timeZoneSetting(tz, env, zones), zones };
}

/**
 * Where a run's time went, by rule, slowest first (as ESLint's TIMING=1):
 * UNITLINT_TIMING=1 prints ten rows, =all every row, =N that many. Times
 * include each rule's first runs, which V8 interprets before it compiles.
 */
function timingTable(timing: Map<string, number>, how: string): string {
  const rows = [...timing].sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((t, [, ms]) => t + ms, 0);
  const shown = how === "all" ? rows : rows.slice(0, Number(how) > 1 ? Math.floor(Number(how)) : 10);
  const width = Math.max(4, ...shown.map(([id]) => id.length));
  const lines = shown.map(([id, ms]) => `${id.padEnd(width)} | ${ms.toFixed(1).padStart(9)} | ${((100 * ms) / (total || 1)).toFixed(1).padStart(5)}%`);
  return [`${"Rule".padEnd(width)} | Time (ms) | Relative`, `${"-".repeat(width)}-|-----------|---------`, ...lines, ""].join("\n");
}

/** From this many files on, a run sets V8's heap for many files (tuneHeapForManyFiles), before reading them. */
const MANY_FILES = 500;

/** From this many files on, V8 optimises later and inlines less (tuneTieringForLintRuns); loading node:v8 costs a small run 1-2 ms. */
const SEVERAL_FILES = 50;

export function parseRuleFlags(flags: string[]): Record<string, SeverityOrOff> {
  const out: Record<string, SeverityOrOff> = {};
  for (const flag of flags) {
    const eq = flag.lastIndexOf("=");
    const sev = flag.slice(eq + 1) as SeverityOrOff;
    if (eq <= 0 || !SEVERITIES.includes(sev)) {
      const guess = eq > 0 ? guessSeverity(flag.slice(eq + 1)) : undefined;
      throw new UsageError(`--rule expects id=off|info|warning|error, got '${flag}'${guess ? `; did you mean '${flag.slice(0, eq)}=${guess}'?` : ""}`);
    }
    const rule = lookupRuleId(flag.slice(0, eq));
    if (!rule.ok) throw new UsageError(`--rule: ${rule.message}`);
    out[rule.id] = sev;
  }
  return out;
}

/** `unitlint check`: read, lint, report; returns the exit code. */
export async function runCheck(paths: string[], opts: CheckOptions, rawIo: Io): Promise<number> {
  // Messages on stderr name files: a name's control characters (escape sequences, CR, LF) are shown escaped.
  const io: Io = escapingErr(rawIo);
  if (opts.printConfig !== undefined) return printConfig(opts, io);
  const formatter = formatters[opts.format];
  if (!formatter) throw new UsageError(`unknown format '${opts.format}' (choose from ${Object.keys(formatters).sort().join(", ")})`);
  const rules = parseRuleFlags(opts.rule);
  if (opts.reportUnusedDisables && !rules["suppressions/unused-disable"]) rules["suppressions/unused-disable"] = "warning";
  let ioErrors = 0;
  const sources: LintSource[] = [];

  // --stdin-filename alone names standard input (as `-` would); beside other paths it needs `-` among them.
  if (opts.stdinFilename !== undefined && paths.length === 0) paths = ["-"];
  const stdinIdx = paths.indexOf("-");
  if (stdinIdx >= 0) {
    paths = paths.filter((p) => p !== "-");
    const name = opts.stdinFilename ?? "stdin.service";
    // The limits a file has, whoever supplies the text (processIo stops reading at them).
    const input = io.readStdin();
    const refused = typeof input === "string" ? textRefusal(input) : input.refused;
    if (refused === undefined && typeof input === "string") sources.push({ path: name, text: input });
    else {
      io.err(`unitlint: ${name}: ${refused}\n`);
      ioErrors++;
    }
  } else if (opts.stdinFilename) {
    throw new UsageError("--stdin-filename names standard input: add '-' to the paths, or give no paths");
  }
  if (paths.length === 0 && stdinIdx < 0 && !opts.crontab?.length) paths = [existsSync("etc/systemd") ? "etc/systemd" : "."];

  const collected = collectInputs(paths);
  if (collected.files.length >= SEVERAL_FILES) {
    const flags = await import("../node/v8-flags.js");
    flags.tuneTieringForLintRuns();
    if (collected.files.length >= MANY_FILES) flags.tuneHeapForManyFiles();
  }
  for (const e of collected.errors) {
    io.err(`unitlint: ${e.path}: ${e.message}\n`);
    ioErrors++;
  }
  for (const s of collected.skipped) io.err(`unitlint: ${s.path}: ${s.message}\n`);
  for (const dir of collected.empty) {
    io.err(`unitlint: ${dir}: no unit files found in ${dir}\n`);
    ioErrors++;
  }
  // A file given with --crontab is a user crontab even where a walked folder holds it (named crontab, it would be read as a system one).
  const userCrontabs = new Set((opts.crontab ?? []).map((p) => resolve(p)));
  if (userCrontabs.size) collected.files = collected.files.filter((f) => !userCrontabs.has(resolve(f)));
  const checked = new Set<string>(sources.map((s) => s.path));
  // Long runs on a terminal show how far reading has got (stderr, overwritten in place).
  const progress = io.errIsTTY && collected.files.length >= 1000;
  for (const [n, path] of collected.files.entries()) {
    if (progress && n % 500 === 0) io.err(`\runitlint: reading ${n}/${collected.files.length} files`);
    const r = readUnitFile(path);
    if (!r.ok) {
      io.err(`unitlint: ${path}: ${r.message}\n`);
      ioErrors++;
      continue;
    }
    sources.push({ path, text: r.text });
    checked.add(path);
  }
  if (progress) io.err(`\runitlint: linting ${collected.files.length} files...   \r`);
  for (const path of opts.crontab ?? []) {
    const r = readUnitFile(path);
    if (!r.ok) {
      io.err(`unitlint: ${path}: ${r.message}\n`);
      ioErrors++;
      continue;
    }
    sources.push({ path, text: r.text, kind: "crontab" });
    checked.add(path);
  }
  for (const path of contextFiles(collected.files)) {
    const r = readUnitFile(path);
    if (r.ok) sources.push({ path, text: r.text, context: true });
  }

  // Only the timer rules read the zone, and finding it loads the runtime's time-zone data (a good part of a
  // one-file run's start-up): looked up when a timer or a timer's drop-in is among the files, or --tz names one.
  const zoneNeeded = opts.tz !== undefined || sources.some((s) => s.kind === undefined && isTimerPath(s.path));
  const run = { enabledUnits: collected.enabled, now: Date.now(), ...(zoneNeeded ? machineZones(opts.tz, io.env) : {}) };
  const configs = projectConfigs(opts, rules, run);
  const kept = sources.filter((s) => {
    if (!configs.for(s.path).ignored) return true;
    checked.delete(s.path);
    return false;
  });
  for (const loaded of configs.loadedConfigs()) {
    if (loaded.errors.length === 0) continue;
    for (const e of loaded.errors) io.err(`unitlint: ${loaded.path}:${e.line}:${e.column}: ${e.message}\n`);
    return EXIT_USAGE;
  }
  const fixing = Boolean(opts.fix || opts.fixDryRun || opts.fixUnsafe);
  const stdinName = stdinIdx >= 0 ? (opts.stdinFilename ?? "stdin.service") : undefined;
  // Compact trees save memory over many files; over a few, building them only costs time (a one-file run's start-up).
  const options: ProjectOptions = { configFor: (path) => configs.for(path).config, compactTrees: kept.length >= COMPACT_FROM };
  if (fixing) options.fix = { files: new Set([...checked].filter((p) => p !== stdinName)), ...(opts.fixUnsafe ? { unsafe: true } : {}) };
  // The fix loop re-lints texts no run saw before: the cache is for checking.
  // Loaded on demand: the cache's digests need node:crypto, whose loading a run without --cache need not pay.
  const cache =
    (opts.cache || opts.cacheLocation !== undefined) && !fixing
      ? (await import("../node/lint-cache.js")).FileLintCache.open(opts.cacheLocation, VERSION)
      : undefined;
  if (cache) options.cache = cache;
  const timing = io.env["UNITLINT_TIMING"] ? new Map<string, number>() : undefined;
  if (timing) options.timing = timing;
  let result: ProjectResult = lintProject(kept, options);
  // Rule ids and figures only: nothing from the files, so written as it is (io.err would escape the line breaks).
  if (timing) rawIo.err(timingTable(timing, io.env["UNITLINT_TIMING"]!));
  if (cache) {
    const saved = cache.save();
    if (!saved.ok) io.err(`unitlint: ${cache.path}: cannot write the cache (${saved.message}); the next run starts afresh\n`);
  }
  const fixed = result.fixed;
  if (fixed) {
    if (!fixed.converged) io.err(`unitlint: fixes kept changing the files after ${fixed.passes} rounds; the last round is kept (please report this)\n`);
    const written = new Map<string, string>();
    const original = new Map(kept.map((s) => [s.path, s.text]));
    const fixedCount = { fixes: 0, files: 0 };
    for (const [path, text] of fixed.changed) {
      const before = original.get(path)!;
      if (opts.fixDryRun) {
        io.out(unifiedDiff(path, before, text));
        continue;
      }
      try {
        // Refused when the file changed since it was read (a concurrent edit would be lost), is read-only or has hard links.
        writeFileAtomic(path, text, { expected: before });
        written.set(path, text);
        fixedCount.files++;
        fixedCount.fixes += fixed.applied.get(path) ?? 0;
      } catch (e) {
        io.err(`unitlint: ${path}: cannot write the fixed file (${(e as Error).message}); it is left unchanged\n`);
        ioErrors++;
      }
    }
    if (fixedCount.files > 0) {
      const { fixes, files } = fixedCount;
      io.err(`unitlint: applied ${fixes} ${fixes === 1 ? "fix" : "fixes"} in ${files} ${files === 1 ? "file" : "files"}\n`);
    }
    // What is reported is what is in the files now: the fixed texts where they were written, the old ones elsewhere.
    if (written.size !== fixed.changed.size) {
      result = lintProject(
        kept.map((s) => ({ ...s, text: written.get(s.path) ?? s.text })),
        { ...options, fix: undefined },
      );
    }
  }
  let findings: Finding[] = result.findings.filter((f) => checked.has(f.file) || f.rule.startsWith("internal/"));
  if (opts.withSystemd) {
    const { hasSystemdAnalyze, verifyFindings } = await import("../node/with-systemd.js");
    if (!hasSystemdAnalyze()) throw new UsageError("--with-systemd needs systemd-analyze, which is not installed here");
    findings = sortFindings([...findings, ...verifyFindings([...checked], result.texts, findings)]);
  }
  if (opts.quiet) findings = findings.filter((f) => f.severity === "error");

  const sourceMap = result.texts;
  // Sources nothing was linted in (all ignored by the config) still name their files in the report.
  for (const s of sources) if (!sourceMap.has(s.path)) sourceMap.set(s.path, new SourceText(s.path, s.text));
  const text = formatter({
    findings,
    sources: sourceMap,
    rules: allRules.map((r) => r.meta),
    fileCount: checked.size,
    files: [...checked].sort(),
    // the report's own stream decides: stderr under --fix-dry-run
    color: opts.output ? false : useColor(opts.fixDryRun ? { ...io, isTTY: Boolean(io.errIsTTY) } : io, opts.color),
    version: VERSION,
    unreadable: ioErrors,
    checkedAgainst: `systemd ${REFERENCE_SYSTEMD}${opts.targetSystemd?.length ? ` (target ${opts.targetSystemd.join(", ")})` : ""}`,
  });
  if (opts.output) {
    try {
      writeReportAtomic(opts.output, text);
    } catch (e) {
      throw new UsageError(`cannot write ${opts.output}: ${(e as Error).message}`);
    }
  } else if (opts.fixDryRun) {
    // Standard output carries the diff alone, so `unitlint check --fix-dry-run x | git apply` works. The report
    // is written as it is: the formatters escape what they print, and escaping it line by line would flatten it.
    rawIo.err(text);
  } else io.out(text);

  if (ioErrors > 0) return EXIT_USAGE;
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.filter((f) => f.severity === "warning").length;
  if (errors > 0) return EXIT_FINDINGS;
  if (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) {
    io.err(`unitlint: ${warnings} ${warnings === 1 ? "warning" : "warnings"} found, more than --max-warnings ${opts.maxWarnings}\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

/** A timer (`foo.timer`), a drop-in of one (`foo.timer.d/x.conf`) or of every timer (`timer.d/x.conf`). */
function isTimerPath(path: string): boolean {
  const name = dropinTarget(path) ?? basenameOf(path);
  return name === "timer" || unitTypeOf(name) === "timer";
}

/** --print-config FILE: the effective configuration for one file, as JSON. */
function printConfig(opts: CheckOptions, io: Io): number {
  const file = opts.printConfig!;
  const r = projectConfigs(opts, parseRuleFlags(opts.rule)).for(file);
  for (const e of r.loaded.errors) io.err(`unitlint: ${r.loaded.path}:${e.line}:${e.column}: ${e.message}\n`);
  if (r.loaded.errors.length) return EXIT_USAGE;
  const rel = relative(r.loaded.dir, resolve(file)).split(sep).join("/");
  const resolved = new ResolvedConfig(r.config);
  const rules: Record<string, SeverityOrOff> = {};
  for (const rule of allRules) rules[rule.meta.id] = resolved.severity(rule);
  io.out(
    JSON.stringify({ configFile: r.loaded.path, file: rel, ignored: r.ignored, presets: r.config.presets, settings: r.config.settings, rules }, null, 2) + "\n",
  );
  return EXIT_OK;
}

/** Each file's configuration: the config file found upward from it (or -c), its overrides, the command line. */
function projectConfigs(opts: CheckOptions, rules: Record<string, SeverityOrOff>, run?: ProjectConfigOptions["run"]): ProjectConfigs {
  return new ProjectConfigs({
    ...(opts.config !== undefined ? { config: opts.config } : {}),
    cli: {
      rules,
      ...(opts.preset ? { presets: opts.preset } : {}),
      ...(opts.targetSystemd ? { targetSystemd: opts.targetSystemd } : {}),
      ...(opts.user ? { mode: "user" as const } : {}),
      ...(opts.external ? { externalUnits: opts.external } : {}),
    },
    ...(run ? { run } : {}),
    memo: true,
  });
}
