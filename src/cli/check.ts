import { existsSync, writeFileSync } from "node:fs";
import type { Finding, SeverityOrOff } from "../core/diagnostic.js";
import { SourceText } from "../core/source.js";
import { formatters } from "../format/index.js";
import { lintSources, sortFindings, type LintSource } from "../linter/lint.js";
import type { Preset } from "../linter/severity.js";
import { allRules } from "../rules/registry.js";
import { collectInputs } from "../node/collect.js";
import { contextFiles } from "../node/context.js";
import { readUnitFile } from "../node/read.js";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError } from "./errors.js";
import { useColor, type Io } from "./io.js";
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
  /** User crontabs (no user field), e.g. the output of `crontab -l`. */
  crontab?: string[];
}

const SEVERITIES: SeverityOrOff[] = ["off", "info", "warning", "error"];

export function parseRuleFlags(flags: string[]): Record<string, SeverityOrOff> {
  const out: Record<string, SeverityOrOff> = {};
  const ids = new Set(allRules.map((r) => r.meta.id));
  for (const flag of flags) {
    const eq = flag.lastIndexOf("=");
    const id = flag.slice(0, eq);
    const sev = flag.slice(eq + 1) as SeverityOrOff;
    if (eq <= 0 || !SEVERITIES.includes(sev)) throw new UsageError(`--rule expects id=off|info|warning|error, got '${flag}'`);
    if (!ids.has(id)) throw new UsageError(`--rule: unknown rule '${id}' (see 'unitlint rules')`);
    out[id] = sev;
  }
  return out;
}

/** `unitlint check`: read, lint, report; returns the exit code. */
export async function runCheck(paths: string[], opts: CheckOptions, io: Io): Promise<number> {
  const formatter = formatters[opts.format];
  if (!formatter) throw new UsageError(`unknown format '${opts.format}' (choose from ${Object.keys(formatters).sort().join(", ")})`);
  const rules = parseRuleFlags(opts.rule);
  if (opts.reportUnusedDisables && !rules["suppressions/unused-disable"]) rules["suppressions/unused-disable"] = "warning";
  let ioErrors = 0;
  const sources: LintSource[] = [];

  const stdinIdx = paths.indexOf("-");
  if (stdinIdx >= 0) {
    paths = paths.filter((p) => p !== "-");
    const name = opts.stdinFilename ?? "stdin.service";
    sources.push({ path: name, text: io.readStdin() });
  } else if (opts.stdinFilename) {
    throw new UsageError("--stdin-filename needs '-' among the paths");
  }
  if (paths.length === 0 && stdinIdx < 0 && !opts.crontab?.length) paths = [existsSync("etc/systemd") ? "etc/systemd" : "."];

  const collected = collectInputs(paths);
  for (const e of collected.errors) {
    io.err(`unitlint: ${e.path}: ${e.message}\n`);
    ioErrors++;
  }
  for (const s of collected.skipped) io.err(`unitlint: ${s.path}: ${s.message}\n`);
  const checked = new Set<string>(sources.map((s) => s.path));
  for (const path of collected.files) {
    const r = readUnitFile(path);
    if (!r.ok) {
      io.err(`unitlint: ${path}: ${r.message}\n`);
      ioErrors++;
      continue;
    }
    sources.push({ path, text: r.text });
    checked.add(path);
  }
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

  const result = lintSources(sources, {
    rules,
    presets: opts.preset,
    settings: {
      targetSystemd: opts.targetSystemd ?? [],
      mode: opts.user ? "user" : "system",
      externalUnits: opts.external ?? [],
      now: Date.now(),
    },
  });
  let findings: Finding[] = result.findings.filter((f) => checked.has(f.file) || f.rule.startsWith("internal/"));
  if (opts.withSystemd) {
    const { hasSystemdAnalyze, verifyFindings } = await import("../node/with-systemd.js");
    if (!hasSystemdAnalyze()) throw new UsageError("--with-systemd needs systemd-analyze, which is not installed here");
    findings = sortFindings([...findings, ...verifyFindings([...checked], new Map(result.files.map((f) => [f.path, f.source])), findings)]);
  }
  if (opts.quiet) findings = findings.filter((f) => f.severity === "error");

  const sourceMap = new Map([...result.files, ...result.scheduleFiles].map((f) => [f.path, f.source]));
  if (!sourceMap.size) for (const s of sources) sourceMap.set(s.path, new SourceText(s.path, s.text));
  const text = formatter({
    findings,
    sources: sourceMap,
    rules: allRules.map((r) => r.meta),
    fileCount: checked.size,
    color: opts.output ? false : useColor(io, opts.color),
    version: VERSION,
  });
  if (opts.output) {
    try {
      writeFileSync(opts.output, text);
    } catch (e) {
      throw new UsageError(`cannot write ${opts.output}: ${(e as Error).message}`);
    }
  } else io.out(text);

  if (ioErrors > 0) return EXIT_USAGE;
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.filter((f) => f.severity === "warning").length;
  if (errors > 0) return EXIT_FINDINGS;
  if (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) return EXIT_FINDINGS;
  return EXIT_OK;
}
