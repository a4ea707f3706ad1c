import { maskSecretsInMessages } from "../model/secrets.js";
import type { Finding, Severity, SeverityOrOff } from "../core/diagnostic.js";
import type { Range } from "../core/range.js";
import { parseFile, type UnitFile } from "../model/unit-file.js";
import { buildUnitSet, type UnitSet } from "../model/unit-set.js";
import { parseScheduleFile, scheduleKindOf, type ScheduleFile, type ScheduleKind } from "../model/schedule-file.js";
import { allRules, rulesById } from "../rules/registry.js";
import type { SourceText } from "../core/source.js";
import { applySuppressions, unusedSuppressionEdit, type Suppression } from "./suppressions.js";
import type { LintSettings, Report, ReportFile, Rule } from "../rules/types.js";
import { effectiveSeverity, type Preset } from "./severity.js";

export interface LintSource {
  path: string;
  text: string;
  /** Force the file kind (e.g. stdin with --stdin-filename, --crontab); guessed from the path otherwise. */
  kind?: "unit" | "dropin" | ScheduleKind;
}

export interface LintOptions {
  settings?: Partial<LintSettings>;
  /** Per-rule severities; they win over presets and defaults. */
  rules?: Record<string, SeverityOrOff>;
  presets?: Preset[];
  /** Rules to run instead of the registry (tests). */
  ruleSet?: Rule[];
  /**
   * Once a file's own rules have run, drop its comment and blank lines from
   * its tree (the unit and set rules never read them), so a run over many
   * files holds what the set needs rather than every whole file. The trees in
   * the result then no longer tile their files (`printUnitFile` needs whole
   * trees): for `check`, not for callers that print or edit the trees.
   */
  compactTrees?: boolean;
}

export interface LintResult {
  findings: Finding[];
  files: UnitFile[];
  set: UnitSet;
  /** Crontabs and job files of the run (not units; checked by checkCrontab/checkJobs rules). */
  scheduleFiles: ScheduleFile[];
}

export function defaultSettings(partial: Partial<LintSettings> = {}): LintSettings {
  return {
    targetSystemd: partial.targetSystemd ?? [],
    mode: partial.mode ?? "system",
    externalUnits: partial.externalUnits ?? [],
    ruleOptions: partial.ruleOptions ?? {},
    ...(partial.enabledUnits ? { enabledUnits: partial.enabledUnits } : {}),
    ...(partial.now !== undefined ? { now: partial.now } : {}),
  };
}

export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}

/** Parse, build the unit set, run every enabled rule; findings sorted by file and position. */
export function lintSources(sources: LintSource[], options: LintOptions = {}): LintResult {
  const files: UnitFile[] = [];
  const scheduleFiles: ScheduleFile[] = [];
  const findings: Finding[] = [];
  const rules = enabledRules(options);
  const settings = defaultSettings(options.settings);
  for (const s of sources) {
    const kind = s.kind ?? scheduleKindOf(s.path);
    if (kind === undefined || kind === "unit" || kind === "dropin") {
      const file = parseFile(s.path, s.text, kind);
      // File rules run on each file as it is parsed (they see the file alone), so a
      // compacted run never holds every whole tree at once.
      runFileRules(rules, file, settings, findings);
      if (options.compactTrees) file.ast.lines = file.ast.lines.filter((l) => l.kind !== "comment" && l.kind !== "blank");
      files.push(file);
    } else scheduleFiles.push(parseScheduleFile(s.path, s.text, kind));
  }
  const set = buildUnitSet(files);
  const texts = new Map<string, SourceText>([...files.map((f) => [f.path, f.source] as const), ...scheduleFiles.map((f) => [f.path, f.source] as const)]);
  const { kept, unused } = applySuppressions(runRulesAfterFiles(set, rules, settings, scheduleFiles, findings), texts);
  const unusedRule = rulesById.get("suppressions/unused-disable");
  const severity = unusedRule ? effectiveSeverity(unusedRule.meta, options.presets ?? ["recommended"], options.rules ?? {}) : "off";
  if (severity !== "off" && unusedRule) for (const s of unused) kept.push(toFinding(unusedRule, severity, unusedReport(s, texts.get(s.file)!)));
  // A secret in Environment= is never printed, whatever rule quotes its line (the CLI, the language server, the playground).
  maskSecretsInMessages(kept, texts);
  return { findings: sortFindings(kept), files, set, scheduleFiles };
}

/** suppressions/unused-disable: a suppression that suppresses nothing, names no rule, or is no directive at all. */
function unusedReport(s: Suppression, source: SourceText): Report {
  const file = { path: s.file, source };
  const edit = unusedSuppressionEdit(s, source);
  const fix = edit ? { fix: { description: "remove what the comment no longer suppresses", safe: true, edits: [edit] } } : {};
  if (s.kind === "malformed") {
    const directive = /unitlint-\S*/.exec(source.slice(s.range))![0];
    return { messageId: "malformed", data: { directive }, file, range: s.range };
  }
  const unknown = s.rules.filter((r) => !rulesById.has(r));
  if (unknown.length) return { messageId: "unknown", data: { rules: unknown.join(", ") }, file, range: s.range, ...fix };
  const idle = s.rules.filter((r) => !s.used.has(r));
  return { messageId: "unused", data: { rules: idle.length ? ` (${idle.join(", ")})` : "" }, file, range: s.range, ...fix };
}

/** The rules to run, each with its severity (rules that are off left out). */
function enabledRules(options: LintOptions): EnabledRule[] {
  const presets = options.presets ?? ["recommended"];
  const out: EnabledRule[] = [];
  for (const rule of options.ruleSet ?? allRules) {
    const severity = effectiveSeverity(rule.meta, presets, options.rules ?? {});
    if (severity !== "off") out.push({ rule, severity });
  }
  return out;
}

type EnabledRule = { rule: Rule; severity: Severity };

/** Every enabled rule over a built set (file rules included): for callers that built the set themselves. */
export function runRules(set: UnitSet, options: LintOptions = {}, scheduleFiles: ScheduleFile[] = []): Finding[] {
  const rules = enabledRules(options);
  const settings = defaultSettings(options.settings);
  const findings: Finding[] = [];
  for (const file of set.files) runFileRules(rules, file, settings, findings);
  return runRulesAfterFiles(set, rules, settings, scheduleFiles, findings);
}

/** The file rules among `rules` on one file. */
function runFileRules(rules: EnabledRule[], file: UnitFile, settings: LintSettings, findings: Finding[]): void {
  for (const { rule, severity } of rules) {
    if (!rule.checkFile) continue;
    const report = (r: Report) => findings.push(toFinding(rule, severity, r));
    guard(rule, file.path, () => rule.checkFile!({ settings, report, file }), findings);
  }
}

/** The unit, set, crontab and job-file rules, added to the file rules' `findings`; all sorted and deduplicated. */
function runRulesAfterFiles(set: UnitSet, rules: EnabledRule[], settings: LintSettings, scheduleFiles: ScheduleFile[], findings: Finding[]): Finding[] {
  for (const { rule, severity } of rules) {
    const report = (r: Report) => findings.push(toFinding(rule, severity, r));
    const base = { settings, set, report };
    if (rule.checkUnit) {
      for (const unit of set.units) {
        if (rule.meta.unitTypes && (!unit.type || !rule.meta.unitTypes.includes(unit.type))) continue;
        guard(rule, unit.files[0]?.path ?? unit.name.name, () => rule.checkUnit!({ ...base, unit }), findings);
      }
    }
    if (rule.checkSet) guard(rule, "", () => rule.checkSet!(base), findings);
    const peers = scheduleFiles.filter((f) => f.kind === "jobs");
    for (const f of scheduleFiles) {
      if (f.kind === "crontab" && rule.checkCrontab) guard(rule, f.path, () => rule.checkCrontab!({ ...base, crontab: f }), findings);
      if (f.kind === "jobs" && rule.checkJobs) guard(rule, f.path, () => rule.checkJobs!({ ...base, jobs: f, peers }), findings);
    }
  }
  return sortFindings(dedupe(findings));
}

/** A rule that throws is a bug in unitlint, not in the user's file: say so and go on. */
function guard(rule: Rule, where: string, fn: () => void, findings: Finding[]): void {
  try {
    fn();
  } catch (e) {
    findings.push({
      rule: "internal/rule-crashed",
      severity: "error",
      message: `internal error in rule ${rule.meta.id}: ${e instanceof Error ? e.message : String(e)} (please report this)`,
      file: where,
      range: { start: 0, end: 0 },
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
    });
  }
}

function toFinding(rule: Rule, severity: Severity, r: Report): Finding {
  const template = rule.meta.messages[r.messageId] ?? r.messageId;
  const pos = resolve(r.file, r.range);
  const f: Finding = {
    rule: rule.meta.id,
    severity: r.severity ?? severity,
    message: formatMessage(template, r.data),
    file: r.file.path,
    range: r.range,
    ...pos,
  };
  if (r.fix) f.fix = { ...r.fix, file: r.fix.file ?? r.file.path };
  if (r.suggestions) f.suggestions = r.suggestions.map((s) => ({ ...s, file: s.file ?? r.file.path }));
  if (r.related) f.related = r.related.map((x) => ({ file: x.file.path, range: x.range, message: x.message, ...resolve(x.file, x.range) }));
  return f;
}

function resolve(file: ReportFile, range: Range) {
  const s = file.source.positionAt(range.start);
  const e = file.source.positionAt(range.end);
  return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.file}\u0000${f.range.start}\u0000${f.range.end}\u0000${f.rule}\u0000${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.range.start - b.range.start || a.range.end - b.range.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}
