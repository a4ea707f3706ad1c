import { existsSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { fileSettings, isIgnored, lintOptionsFor } from "../config/config.js";
import type { Finding, SeverityOrOff } from "../core/diagnostic.js";
import { SourceText } from "../core/source.js";
import { unifiedDiff } from "../fix/diff.js";
import { fixSources } from "../fix/fix.js";
import { formatters } from "../format/index.js";
import { lintSources, sortFindings, type LintOptions, type LintSource } from "../linter/lint.js";
import { effectiveSeverity, type Preset } from "../linter/severity.js";
import type { UnitFile } from "../model/unit-file.js";
import type { ScheduleFile } from "../model/schedule-file.js";
import { collectInputs } from "../node/collect.js";
import { findConfigFile, loadConfig, type LoadedConfig } from "../node/config-discovery.js";
import { contextFiles } from "../node/context.js";
import { readUnitFile, textRefusal } from "../node/read.js";
import { writeFileAtomic, writeReportAtomic } from "../node/write-atomic.js";
import { allRules, rulesById } from "../rules/registry.js";
import { lookupRuleId } from "../rules/rule-id.js";
import { REFERENCE_SYSTEMD } from "../knowledge/reference.js";
import { guessSeverity, SEVERITIES } from "../config/shape.js";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError } from "./errors.js";
import { escapingErr, useColor, type Io } from "./io.js";
import { VERSION } from "./version.js";

export interface CheckOptions {
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
}


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
    if (r.ok) sources.push({ path, text: r.text });
  }

  // One lint run per configuration file (found upward from each file), so each folder gets its own settings.
  const groups = new Map<string, { loaded: LoadedConfig; sources: LintSource[] }>();
  const configMemo = new Map<string, string | undefined>();
  const configFor = (path: string): LoadedConfig => {
    if (opts.config === false) return loadConfig(null, ".");
    if (typeof opts.config === "string") return loadConfig(opts.config, ".");
    return loadConfig(findConfigFile(dirname(resolve(path)), configMemo) ?? null, ".");
  };
  for (const s of sources) {
    const loaded = configFor(s.path);
    const key = loaded.path ?? "";
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { loaded, sources: [] }));
    g.sources.push(s);
  }
  for (const { loaded } of groups.values()) {
    if (loaded.errors.length === 0) continue;
    for (const e of loaded.errors) io.err(`unitlint: ${loaded.path}:${e.line}:${e.column}: ${e.message}\n`);
    return EXIT_USAGE;
  }
  const result = { findings: [] as Finding[], files: new Map<string, UnitFile>(), scheduleFiles: new Map<string, ScheduleFile>() };
  const fixing = Boolean(opts.fix || opts.fixDryRun || opts.fixUnsafe);
  const fixedCount = { fixes: 0, files: 0 };
  const stdinName = stdinIdx >= 0 ? (opts.stdinFilename ?? "stdin.service") : undefined;
  for (const { loaded, sources: groupSources } of groups.values()) {
    const rel = (p: string) => relative(loaded.dir, resolve(p)).split(sep).join("/");
    const kept: LintSource[] = [];
    for (const s of groupSources) {
      if (isIgnored(loaded.config, rel(s.path))) checked.delete(s.path);
      else kept.push(s);
    }
    const perFile = new Map(kept.map((s) => [s.path, fileSettings(loaded.config, rel(s.path))] as const));
    const presets = [...new Set([...loaded.config.presets, ...(opts.preset ?? [])])];
    const runRules = withOverrideRules(loaded, rules);
    // The severity a finding has in its own file (command line > overrides > config > presets > default).
    const severityIn = (f: Finding): SeverityOrOff => {
      const meta = rulesById.get(f.rule)?.meta;
      if (!meta || f.rule.startsWith("internal/")) return f.severity;
      const explicit = rules[f.rule] ?? perFile.get(f.file)?.rules[f.rule] ?? loaded.config.rules[f.rule];
      const sev = effectiveSeverity(meta, presets, explicit ? { [f.rule]: explicit } : {});
      // A rule may give one finding its own severity (an info-level variant); keep it unless the file turns the rule off.
      return sev !== "off" && f.severity !== effectiveSeverity(meta, presets, runRules) ? f.severity : sev;
    };
    // Files whose overrides set another mode or target are linted in runs of their own, with the whole
    // group as context (set rules still see every unit) but only their own findings kept.
    const parts = new Map<string, { mode?: "system" | "user"; targetSystemd: number[]; paths: Set<string> }>();
    for (const s of kept) {
      const fs = perFile.get(s.path)!;
      const key = JSON.stringify([fs.mode, fs.targetSystemd]);
      let part = parts.get(key);
      if (!part) parts.set(key, (part = { ...(fs.mode ? { mode: fs.mode } : {}), targetSystemd: fs.targetSystemd, paths: new Set() }));
      part.paths.add(s.path);
    }
    const texts = new Map(kept.map((s) => [s.path, s.text]));
    const current = () => kept.map((s) => ({ ...s, text: texts.get(s.path)! }));
    let first = true;
    for (const part of parts.values()) {
      const options: LintOptions = {
        rules: runRules,
        presets,
        settings: {
          targetSystemd: opts.targetSystemd ?? part.targetSystemd,
          mode: opts.user ? "user" : (part.mode ?? "system"),
          externalUnits: [...loaded.config.externalUnits, ...(opts.external ?? [])],
          ruleOptions: loaded.config.ruleOptions,
          enabledUnits: collected.enabled,
          now: Date.now(),
        },
      };
      const own = (f: Finding) => part.paths.has(f.file) || (first && !texts.has(f.file));
      if (fixing) {
        const targets = new Set([...part.paths].filter((p) => checked.has(p) && p !== stdinName));
        const fixed = fixSources(current(), targets, options, { unsafe: opts.fixUnsafe, include: (f) => own(f) && severityIn(f) !== "off" });
        if (!fixed.converged) io.err(`unitlint: fixes kept changing the files after ${fixed.passes} rounds; the last round is kept (please report this)\n`);
        for (const [path, text] of fixed.changed) {
          if (opts.fixDryRun) {
            io.out(unifiedDiff(path, texts.get(path)!, text));
            continue;
          }
          try {
            // Refused when the file changed since it was read (a concurrent edit would be lost), is read-only or has hard links.
            writeFileAtomic(path, text, { expected: texts.get(path)! });
            // What is reported afterwards is what is left in the written file.
            texts.set(path, text);
            fixedCount.files++;
            fixedCount.fixes += fixed.applied.get(path) ?? 0;
          } catch (e) {
            io.err(`unitlint: ${path}: cannot write the fixed file (${(e as Error).message}); it is left unchanged\n`);
            ioErrors++;
          }
        }
      }
      const r = lintSources(current(), { ...options, compactTrees: true });
      for (const f of r.findings) {
        if (!own(f)) continue;
        const sev = severityIn(f);
        if (sev === "off") continue;
        result.findings.push(f.rule.startsWith("internal/") || f.rule === "systemd/verify" ? f : { ...f, severity: sev });
      }
      for (const f of r.files) if (part.paths.has(f.path) || !result.files.has(f.path)) result.files.set(f.path, f);
      for (const f of r.scheduleFiles) if (part.paths.has(f.path) || !result.scheduleFiles.has(f.path)) result.scheduleFiles.set(f.path, f);
      first = false;
    }
  }
  if (fixedCount.files > 0) {
    const { fixes, files } = fixedCount;
    io.err(`unitlint: applied ${fixes} ${fixes === 1 ? "fix" : "fixes"} in ${files} ${files === 1 ? "file" : "files"}\n`);
  }
  sortFindings(result.findings);
  let findings: Finding[] = result.findings.filter((f) => checked.has(f.file) || f.rule.startsWith("internal/"));
  if (opts.withSystemd) {
    const { hasSystemdAnalyze, verifyFindings } = await import("../node/with-systemd.js");
    if (!hasSystemdAnalyze()) throw new UsageError("--with-systemd needs systemd-analyze, which is not installed here");
    findings = sortFindings([...findings, ...verifyFindings([...checked], new Map([...result.files.values()].map((f) => [f.path, f.source])), findings)]);
  }
  if (opts.quiet) findings = findings.filter((f) => f.severity === "error");

  const sourceMap = new Map([...result.files.values(), ...result.scheduleFiles.values()].map((f) => [f.path, f.source]));
  if (!sourceMap.size) for (const s of sources) sourceMap.set(s.path, new SourceText(s.path, s.text));
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

/** Rules an override turns on must run, even if they are off for the rest of the files. */
function withOverrideRules(loaded: LoadedConfig, cli: Record<string, SeverityOrOff>): Record<string, SeverityOrOff> {
  const rules: Record<string, SeverityOrOff> = { ...loaded.config.rules };
  for (const o of loaded.config.overrides) for (const [id, sev] of Object.entries(o.rules)) if (sev !== "off" && (rules[id] ?? "off") === "off") rules[id] = "info";
  return { ...rules, ...cli };
}

/** --print-config FILE: the effective configuration for one file, as JSON. */
function printConfig(opts: CheckOptions, io: Io): number {
  const file = opts.printConfig!;
  const loaded =
    opts.config === false ? loadConfig(null, ".") : loadConfig(typeof opts.config === "string" ? opts.config : (findConfigFile(dirname(resolve(file))) ?? null), ".");
  for (const e of loaded.errors) io.err(`unitlint: ${loaded.path}:${e.line}:${e.column}: ${e.message}\n`);
  if (loaded.errors.length) return EXIT_USAGE;
  const rel = relative(loaded.dir, resolve(file)).split(sep).join("/");
  const o = lintOptionsFor(loaded.config, [rel], { rules: parseRuleFlags(opts.rule), presets: opts.preset });
  const rules: Record<string, SeverityOrOff> = {};
  for (const r of allRules) rules[r.meta.id] = effectiveSeverity(r.meta, o.presets ?? ["recommended"], o.rules ?? {});
  io.out(JSON.stringify({ configFile: loaded.path, file: rel, ignored: isIgnored(loaded.config, rel), presets: o.presets, settings: o.settings, rules }, null, 2) + "\n");
  return EXIT_OK;
}
