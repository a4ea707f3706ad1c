import { maskSecretsInMessages } from "../model/secrets.js";
import type { Finding, Severity } from "../core/diagnostic.js";
import type { Range } from "../core/range.js";
import { parseFile, type UnitFile } from "../model/unit-file.js";
import { compactTree } from "../parser/unit/compact.js";
import { buildUnitSet, type UnitSet } from "../model/unit-set.js";
import { parseScheduleFile, scheduleKindOf, type ScheduleFile, type ScheduleKind } from "../model/schedule-file.js";
import { allRules, rulesById } from "../rules/registry.js";
import { SourceText } from "../core/source.js";
import { HOUR_MS, type CachedFindings, type LintCache } from "./cache.js";
import { crossUnitView } from "./cross-unit.js";
import type { EffectiveUnit } from "../model/effective-unit.js";
import { applySuppressions, unusedSuppressionEdit, type Suppression } from "./suppressions.js";
import { optionsOf, type Report, type ReportFile, type Rule } from "../rules/types.js";
import { ConfigTable, defaultSettings, type FileConfig, type ResolvedConfig } from "./configs.js";

export interface LintSource {
  path: string;
  text: string;
  /** Force the file kind (e.g. stdin with --stdin-filename, --crontab); guessed from the path otherwise. */
  kind?: "unit" | "dropin" | ScheduleKind;
  /**
   * Read only to complete the set for the files that are checked (`check`'s
   * context: the other units of a staged file's folder, a drop-in's unit):
   * its findings are incomplete and not meant to be reported. The file's own
   * rules do not run on it, nor, on a unit made of context files only, the
   * unit rules that report in that unit's files only; the unit and set rules
   * of other units see it as any other file.
   */
  context?: boolean;
  /**
   * This file as an earlier run parsed it (`LintResult.files`; the language
   * server keeps them between changes), used instead of parsing it again when
   * it was parsed from this very path, kind and text. Ignored with
   * `compactTrees` (which would compact the caller's tree).
   */
  parsed?: UnitFile;
}

export interface LintOptions extends FileConfig {
  /** Rules to run instead of the registry (tests). */
  ruleSet?: Rule[];
  /**
   * Each file's own configuration (a config file's overrides, per-folder config
   * files, the command line over both), for runs whose files differ in
   * settings; every file has the run's own (`rules`, `presets`, `settings`)
   * otherwise. The linter honours it itself: a finding gets the severity its
   * rule has in the file it points into (a rule off there drops it), a file's
   * and a unit's rules see that file's settings, and set rules run once per
   * distinct settings, each run keeping the findings in its own files.
   */
  configFor?: (path: string) => FileConfig;
  /**
   * Once a file's own rules have run, drop its comment and blank lines from
   * its tree (the unit and set rules never read them) and keep its one-line
   * assignments in a compact form (`compactTree`), so a run over many files
   * holds what the set needs rather than every whole file. The trees in the
   * result then no longer tile their files (`printUnitFile` needs whole
   * trees): for `check`, not for callers that print or edit the trees.
   */
  compactTrees?: boolean;
  /** Results of earlier runs to reuse, and where this run's are kept (`check --cache`). */
  cache?: LintCache;
  /**
   * Adds each rule's time (ms, all its checks of this run) under its id, and
   * the parsing and set building under "(parse)" and "(set)": what
   * `UNITLINT_TIMING=1 unitlint check` prints. Off, nothing is timed.
   */
  timing?: Map<string, number>;
}

export interface LintResult {
  findings: Finding[];
  files: UnitFile[];
  set: UnitSet;
  /** Crontabs and job files of the run (not units; checked by checkCrontab/checkJobs rules). */
  scheduleFiles: ScheduleFile[];
  /** Every source's text, by path (also when the cache answered and nothing was parsed): for reports' code frames. */
  texts: Map<string, SourceText>;
}

export { defaultSettings };

export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}

/** Parse, build the unit set, run every enabled rule; findings sorted by file and position. */
export function lintSources(sources: LintSource[], options: LintOptions = {}): LintResult {
  const files: UnitFile[] = [];
  const scheduleFiles: ScheduleFile[] = [];
  const run = new Run(options, new Set(sources.filter((s) => s.context).map((s) => s.path)));
  const cache = options.cache && new CacheKeys(options.cache, sources, run, options);
  if (cache?.complete()) return finish(run, cache.allFindings(), sourceTexts(sources), [], buildUnitSet([]), [], true);
  for (const [i, s] of sources.entries()) {
    const kind = kindOf(s);
    if (kind === undefined || kind === "unit" || kind === "dropin") {
      const t0 = run.timing ? performance.now() : 0;
      // (a run that compacts trees would compact the caller's: it parses anew)
      const p = options.compactTrees ? undefined : s.parsed;
      const file = p && p.path === s.path && p.source.text === s.text && (kind === undefined || p.kind === kind) ? p : parseFile(s.path, s.text, kind);
      if (run.timing) addTime(run.timing, "(parse)", t0);
      // File rules run on each file as it is parsed (they see the file alone), so a
      // compacted run never holds every whole tree at once.
      const cached = cache?.file(i);
      if (cached) run.findings.push(...cached);
      else {
        const from = run.findings.length;
        run.configs.clockRead = false;
        // A file rule sees its own file only and reports in it: of a context file, nothing would be reported.
        if (!s.context) run.fileRules(file);
        cache?.storeFile(i, run.findings.slice(from), new Map([[file.path, file.source]]));
      }
      if (options.compactTrees) compactTree(file.ast);
      files.push(file);
    } else {
      scheduleFiles.push(parseScheduleFile(s.path, s.text, kind));
      run.configs.of(s.path);
    }
  }
  const t0 = run.timing ? performance.now() : 0;
  const set = buildUnitSet(files);
  if (run.timing) addTime(run.timing, "(set)", t0);
  const texts = new Map<string, SourceText>([...files.map((f) => [f.path, f.source] as const), ...scheduleFiles.map((f) => [f.path, f.source] as const)]);
  run.configs.clockRead = false;
  if (!cache) {
    run.rulesAfterFiles(set, scheduleFiles);
    return finish(run, run.findings, texts, files, set, scheduleFiles);
  }
  // Each unit's findings are reused while its files and the other units as rules see them are unchanged.
  const plan = cache.plan(set, scheduleFiles);
  run.rulesAfterFiles(set, scheduleFiles, plan);
  cache.storePlan(plan, set, texts);
  cache.storeRun(plan, set, texts);
  // With a cache every finding went through CacheKeys.store, which masks secrets: finish need not again.
  return finish(run, run.findings, texts, files, set, scheduleFiles, true);
}

function kindOf(s: LintSource): LintSource["kind"] {
  return s.kind ?? scheduleKindOf(s.path, s.text);
}

/** The texts of a run that parsed nothing (all from the cache), for suppressions, secrets and code frames. */
function sourceTexts(sources: LintSource[]): Map<string, SourceText> {
  return new Map(sources.map((s) => [s.path, new SourceText(s.path, s.text, kindOf(s) === "crontab" ? "newline" : "systemd")]));
}

/**
 * Suppressions, unused suppressions and secrets, the same for findings computed now or taken from the cache.
 * `masked`: the found findings' messages have their secrets masked already (they went through the cache).
 */
function finish(
  run: Run,
  found: Finding[],
  texts: Map<string, SourceText>,
  files: UnitFile[],
  set: UnitSet,
  scheduleFiles: ScheduleFile[],
  masked = false,
): LintResult {
  const { kept, unused } = applySuppressions(sortFindings(dedupe(found)), texts);
  const unusedRule = rulesById.get("suppressions/unused-disable");
  const reportedHere: Finding[] = [];
  if (unusedRule) {
    for (const s of unused) {
      const severity = run.configs.of(s.file).severity(unusedRule);
      if (severity !== "off") reportedHere.push(toFinding(unusedRule, severity, unusedReport(s, texts.get(s.file)!)));
    }
  }
  kept.push(...reportedHere);
  // A secret in Environment= is never printed, whatever rule quotes its line (the CLI, the language server, the playground).
  maskSecretsInMessages(masked ? reportedHere : kept, texts);
  return { findings: sortFindings(kept), files, set, scheduleFiles, texts };
}

/**
 * The unit and set rules' results a run takes from the cache, and what it found itself (`Run.rulesAfterFiles`).
 */
export interface UnitPlan {
  /** Per unit of the set (same order): its unit rules' findings from the cache, or undefined when they must run. */
  cached: (Finding[] | undefined)[];
  /** The set rules' findings from the cache, or undefined when they must run. */
  setCached: Finding[] | undefined;
  /** Filled by the run: per unit, the findings of the unit rules it ran (rules that read anything of other units aside). */
  found: Finding[][];
  /** Per unit: whether a rule read the clock while checking it. */
  clock: boolean[];
  setFound: Finding[];
  setClock: boolean;
  /** The findings of rules not kept per unit or for the set (see `readsOtherUnits`; crontab and job-file rules). */
  otherFound: Finding[];
  /** Whether one of those rules read the clock. */
  otherClock: boolean;
}

/**
 * The cache keys of one run. Per file, its file rules' findings (key: its
 * path, kind, text and configuration). Per unit, its unit rules' findings
 * (key: its files' keys and the other units as rules see them,
 * `crossUnitView`); one entry for the set rules (key: that view and every
 * configuration). A finding a unit's rules put into another unit's file
 * records that file's key (`refs`), and is reused only while that file is
 * unchanged. Last, one entry for the run (key: every file's key) that lists
 * the per-unit and set entries it is made of: a run whose files and entries
 * are all found parses nothing.
 */
class CacheKeys {
  private readonly fileKeys: string[];
  private readonly keyOfPath = new Map<string, string>();
  private readonly runKey: string;
  private readonly rules: string[] | "all";
  private readonly units: string[][];
  private readonly hour: number;
  private readonly hits: (Finding[] | undefined)[];
  private readonly runHit: Finding[] | undefined;
  private readonly partHits: Finding[][] = [];
  private view = "";
  /** The set rules' key, once the set is built (`plan`). */
  private setKey = "";
  /** What every key after the file rules' depends on besides the files: the enabled units, the rules. */
  private readonly params: string;
  private readonly unitKeys = new Map<EffectiveUnit, string>();
  /** Whether a result this run reused or made after the file rules depended on the clock. */
  private clockSeen = false;

  constructor(
    private readonly cache: LintCache,
    sources: LintSource[],
    private readonly run: Run,
    options: LintOptions,
  ) {
    this.rules = options.ruleSet ? options.ruleSet.map((r) => r.meta.id) : "all";
    this.fileKeys = sources.map((s) =>
      cache.digest(JSON.stringify(["file", s.path, kindOf(s) ?? "", s.context === true, run.configs.of(s.path).key, this.rules, s.text])),
    );
    for (const [i, s] of sources.entries()) this.keyOfPath.set(s.path, this.fileKeys[i]!);
    this.units = run.configs.all().map((c) => c.settings.enabledUnits ?? []);
    this.params = JSON.stringify([this.units, this.rules]);
    this.runKey = cache.digest(JSON.stringify(["run", this.fileKeys, this.params]));
    this.hour = Math.floor((options.settings?.now ?? Date.now()) / HOUR_MS);
    this.hits = this.fileKeys.map((k) => this.valid(cache.get(k)));
    this.runHit = this.valid(cache.get(this.runKey));
  }

  private valid(c: CachedFindings | undefined): Finding[] | undefined {
    if (!c || (c.hour !== undefined && c.hour !== this.hour)) return undefined;
    if (c.refs) for (const [path, key] of Object.entries(c.refs)) if (this.keyOfPath.get(path) !== key) return undefined;
    // A run that reuses a result computed with the clock is itself only good for this hour.
    if (c.hour !== undefined) this.clockSeen = true;
    return c.findings;
  }

  /** Whether the cache answers everything: every file's entry, and the run's with the per-unit and set entries it lists. */
  complete(): boolean {
    if (this.runHit === undefined || this.hits.some((h) => h === undefined)) return false;
    for (const key of this.cache.get(this.runKey)?.parts ?? []) {
      const part = this.valid(this.cache.get(key));
      if (!part) return false;
      this.partHits.push(part);
    }
    return true;
  }

  allFindings(): Finding[] {
    return [...this.hits.flatMap((h) => h ?? []), ...this.partHits.flat(), ...(this.runHit ?? [])];
  }

  file(i: number): Finding[] | undefined {
    return this.hits[i];
  }

  storeFile(i: number, findings: Finding[], texts: Map<string, SourceText>): void {
    this.store(this.fileKeys[i]!, findings, texts, this.run.configs.clockRead);
  }

  /** What of the unit and set rules the cache answers, once the set is built. */
  plan(set: UnitSet, scheduleFiles: ScheduleFile[]): UnitPlan {
    this.view = this.cache.digest(crossUnitView(set));
    const settings = [...new Set(this.run.configs.all().map((c) => c.key))].sort();
    const schedules = scheduleFiles.map((f) => this.keyOfPath.get(f.path) ?? f.path);
    this.setKey = this.cache.digest(JSON.stringify(["set", this.view, settings, schedules, this.params]));
    const cached = set.units.map((u) => this.valid(this.cache.get(this.unitKey(u))));
    const setCached = this.valid(this.cache.get(this.setKey));
    return {
      cached,
      setCached,
      found: set.units.map(() => []),
      clock: set.units.map(() => false),
      setFound: [],
      setClock: false,
      otherFound: [],
      otherClock: false,
    };
  }

  private unitKey(u: EffectiveUnit): string {
    let key = this.unitKeys.get(u);
    if (key === undefined) {
      const files = u.files.map((f) => this.keyOfPath.get(f.path) ?? f.path).join("\u0000");
      this.unitKeys.set(u, (key = this.cache.digest(`unit\u0000${this.view}\u0000${this.params}\u0000${files}`)));
    }
    return key;
  }

  /** Keeps what the run found of the unit and set rules (the cached entries stay as they are). */
  storePlan(plan: UnitPlan, set: UnitSet, texts: Map<string, SourceText>): void {
    for (const [i, u] of set.units.entries()) {
      if (plan.cached[i]) continue;
      const own = new Set(u.files.map((f) => f.path));
      this.store(this.unitKey(u), plan.found[i]!, texts, plan.clock[i]!, this.refsOf(plan.found[i]!, own));
    }
    if (!plan.setCached) this.store(this.setKey, plan.setFound, texts, plan.setClock, this.refsOf(plan.setFound, new Set()));
  }

  /**
   * The run's entry: the findings not kept per unit or for the set (crontab and job-file rules, rules that read
   * anything of other units), and the keys of the per-unit and set entries that hold the rest.
   */
  storeRun(plan: UnitPlan, set: UnitSet, texts: Map<string, SourceText>): void {
    const clock = this.clockSeen || plan.setClock || plan.clock.includes(true) || plan.otherClock;
    const parts = [...set.units.map((u) => this.unitKey(u)), this.setKey];
    this.store(this.runKey, plan.otherFound, texts, clock, undefined, parts);
  }

  /** The files other than `own` the findings point into (or fix), with their keys now. */
  private refsOf(findings: Finding[], own: Set<string>): Record<string, string> | undefined {
    let refs: Record<string, string> | undefined;
    const add = (path: string | undefined) => {
      if (path === undefined || own.has(path)) return;
      (refs ??= {})[path] = this.keyOfPath.get(path) ?? "";
    };
    for (const f of findings) {
      add(f.file);
      for (const r of f.related ?? []) add(r.file);
      add(f.fix?.file);
      for (const x of f.suggestions ?? []) add(x.file);
    }
    return refs;
  }

  private store(key: string, findings: Finding[], texts: Map<string, SourceText>, clockRead: boolean, refs?: Record<string, string>, parts?: string[]): void {
    // Masked before they are kept: the cache file never holds a secret a message quoted.
    maskSecretsInMessages(findings, texts);
    this.cache.set(key, { findings, ...(clockRead ? { hour: this.hour } : {}), ...(refs ? { refs } : {}), ...(parts ? { parts } : {}) });
  }
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

/** Every enabled rule over a built set (file rules included): for callers that built the set themselves. */
export function runRules(set: UnitSet, options: LintOptions = {}, scheduleFiles: ScheduleFile[] = []): Finding[] {
  const run = new Run(options);
  for (const file of set.files) run.fileRules(file);
  for (const f of scheduleFiles) run.configs.of(f.path);
  run.rulesAfterFiles(set, scheduleFiles);
  return sortFindings(dedupe(run.findings));
}

/** One lint run: the rules, each file's configuration, and the findings so far. */
class Run {
  readonly configs: ConfigTable;
  readonly findings: Finding[] = [];
  readonly timing: Map<string, number> | undefined;
  private readonly rules: Rule[];

  constructor(
    options: LintOptions,
    /** Paths of the run's context sources (see LintSource.context). */
    private readonly contextPaths: ReadonlySet<string> = new Set(),
  ) {
    this.configs = new ConfigTable(options, options.configFor);
    this.rules = options.ruleSet ?? allRules;
    this.timing = options.timing;
  }

  /** A rule's check, guarded, and timed when the run keeps times. */
  private check(rule: Rule, where: string, fn: () => void): void {
    if (!this.timing) return guard(rule, where, fn, this.findings);
    const t0 = performance.now();
    guard(rule, where, fn, this.findings);
    addTime(this.timing, rule.meta.id, t0);
  }

  /** A rule's report becomes a finding with the severity the rule has in the file it points into (none when off there). */
  private reporter(rule: Rule): (r: Report) => void {
    return (r) => {
      // a message id the rule has no message for is a bug in the rule: the guard around the check turns this into an internal-error finding
      if (!Object.hasOwn(rule.meta.messages, r.messageId)) throw new Error(`reported message id '${r.messageId}', which the rule has no message for`);
      const severity = this.configs.of(r.file.path).severity(rule);
      if (severity !== "off") this.findings.push(toFinding(rule, severity, r));
    };
  }

  /** The file rules on one file, with the file's own settings. */
  fileRules(file: UnitFile): void {
    const config = this.configs.of(file.path);
    for (const rule of this.rules) {
      if (!rule.checkFile || config.severity(rule) === "off") continue;
      const report = this.reporter(rule);
      this.check(rule, file.path, () => rule.checkFile!({ settings: config.settings, options: optionsOf(rule, config.settings), report, file }));
    }
  }

  /**
   * The unit, set, crontab and job-file rules, once every file's rules have run.
   * With a plan (`check --cache`), units and the set rules the cache answers are
   * not checked again (their findings join the run's), and what is found is
   * also kept in the plan per unit, to be stored.
   */
  rulesAfterFiles(set: UnitSet, scheduleFiles: ScheduleFile[], plan?: UnitPlan): void {
    const groups = settingsGroups(this.configs.all());
    const peers = scheduleFiles.filter((f) => f.kind === "jobs");
    // Units read only for context: their rules' findings in their own files are not reported, so those rules need not run.
    const contextOnly = set.units.map((u) => u.files.length > 0 && u.files.every((f) => this.contextPaths.has(f.path)));
    for (const rule of this.rules) {
      if (!this.configs.anyEnables(rule)) continue;
      const report = this.reporter(rule);
      const perUnit = plan && rule.meta.readsOtherUnits === undefined;
      if (rule.checkUnit) {
        for (const [j, unit] of set.units.entries()) {
          if (rule.meta.unitTypes && (!unit.type || !rule.meta.unitTypes.includes(unit.type))) continue;
          if (perUnit && plan.cached[j]) continue;
          if (contextOnly[j] && rule.meta.reportsInOtherUnits === undefined) continue;
          const where = unit.files[0]?.path;
          // A unit's rules see the settings of its first file (the fragment, else its first drop-in).
          const settings = where === undefined ? this.configs.base.settings : this.configs.of(where).settings;
          const check = () =>
            this.check(rule, where ?? unit.name.name, () => rule.checkUnit!({ settings, options: optionsOf(rule, settings), set, report, unit }));
          if (!plan) check();
          else if (perUnit) plan.clock[j] = this.collect(plan.found[j]!, check) || plan.clock[j]!;
          else plan.otherClock = this.collect(plan.otherFound, check) || plan.otherClock;
        }
      }
      if (rule.checkSet && !plan?.setCached) {
        for (const [i, group] of groups.entries()) {
          // One run per distinct settings (mostly one); each keeps the findings in files that have its settings.
          const own = (r: Report) => {
            const key = this.configs.of(r.file.path).settingsKey;
            if (groups.length === 1 || key === group.settingsKey || (i === 0 && !groups.some((g) => g.settingsKey === key))) report(r);
          };
          const check = () =>
            this.check(rule, "", () => rule.checkSet!({ settings: group.settings, options: optionsOf(rule, group.settings), set, report: own }));
          if (plan) plan.setClock = this.collect(plan.setFound, check) || plan.setClock;
          else check();
        }
      }
      for (const f of scheduleFiles) {
        const settings = this.configs.of(f.path).settings;
        const check = (fn: () => void) =>
          plan ? (plan.otherClock = this.collect(plan.otherFound, () => this.check(rule, f.path, fn)) || plan.otherClock) : this.check(rule, f.path, fn);
        if (f.kind === "crontab" && rule.checkCrontab)
          check(() => rule.checkCrontab!({ settings, options: optionsOf(rule, settings), set, report, crontab: f }));
        if (f.kind === "jobs" && rule.checkJobs) check(() => rule.checkJobs!({ settings, options: optionsOf(rule, settings), set, report, jobs: f, peers }));
      }
    }
    if (plan) {
      for (const cached of plan.cached) if (cached) this.findings.push(...cached);
      if (plan.setCached) this.findings.push(...plan.setCached);
    }
  }

  /** Runs one check; its findings also go to `into`. Whether it read the clock. */
  private collect(into: Finding[], check: () => void): boolean {
    const from = this.findings.length;
    this.configs.clockRead = false;
    check();
    for (let k = from; k < this.findings.length; k++) into.push(this.findings[k]!);
    return this.configs.clockRead;
  }
}

/** One configuration per distinct settings, in the order the files met them. */
function settingsGroups(configs: ResolvedConfig[]): ResolvedConfig[] {
  const seen = new Map<string, ResolvedConfig>();
  for (const c of configs) if (!seen.has(c.settingsKey)) seen.set(c.settingsKey, c);
  return [...seen.values()];
}

function addTime(timing: Map<string, number>, key: string, since: number): void {
  timing.set(key, (timing.get(key) ?? 0) + performance.now() - since);
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
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.range.start - b.range.start ||
      a.range.end - b.range.end ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
      // a total order: findings reused from the cache join the run's in another order than they were found in
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}
