import type { Fix, Severity, SeverityOrOff } from "../core/diagnostic.js";
import type { Range } from "../core/range.js";
import type { EffectiveUnit } from "../model/effective-unit.js";
import type { UnitFile } from "../model/unit-file.js";
import type { UnitType } from "../model/unit-name.js";
import type { UnitSet } from "../model/unit-set.js";
import type { SourceText } from "../core/source.js";
import type { CrontabFile } from "../crontab/index.js";
import type { JobsFile } from "../jobs/index.js";
import type { ZoneSource } from "../calendar/index.js";

/** What a finding points into: a unit file, a drop-in, a crontab or a job file. */
export interface ReportFile {
  path: string;
  source: SourceText;
}

export type RuleFamily =
  | "syntax"
  | "naming"
  | "directives"
  | "values"
  | "exec"
  | "loading"
  | "restart"
  | "timeouts"
  | "kill"
  | "resources"
  | "identity"
  | "dependencies"
  | "timers"
  | "install"
  | "hardening"
  | "calendar"
  | "suppressions"
  | "crontab"
  | "jobs";

export interface DocExample {
  /** File name the example is linted as (decides the unit type). */
  filename: string;
  text: string;
  /** Further files linted with it, for rules about several units (a timer and its service). */
  extra?: { filename: string; text: string }[];
}

export interface RuleDocs {
  /** One sentence: what the rule finds. */
  summary: string;
  /** Why it matters, in a short paragraph. */
  rationale: string;
  /** An example that triggers the rule, and a fixed one that does not. */
  bad: DocExample;
  good: DocExample;
  /** What the fix does and why it is (or is not) safe. */
  fix?: string;
  /** The man page section the rule enforces, e.g. "systemd.service(5) Restart=". */
  reference?: string;
}

export interface RuleMeta<M extends string = string, O extends OptionSpecs = OptionSpecs> {
  /** Stable id `family/pattern-name`; never reused. */
  id: string;
  family: RuleFamily;
  /** Default severity in the `recommended` preset; "off" rules are enabled by presets or config. */
  severity: SeverityOrOff;
  /** Presets that turn the rule on (at its severity) although it is off by default. */
  presets?: ("strict" | "hardening")[];
  /** Unit types the rule applies to (unit rules); all when absent. */
  unitTypes?: UnitType[];
  fixable: "safe" | "unsafe" | "none";
  /** Message templates keyed by id; `{name}` placeholders are filled from report data. */
  messages: Record<M, string>;
  docs: RuleDocs;
  /** Options the rule reads from `[severity, { ... }]` in the config; a rule without them takes none. */
  options?: O;
  /**
   * Set on a unit rule that reads more of the other units of the set than
   * `check --cache` tracks across units (src/linter/cross-unit.ts: their
   * [Unit], [Install], [Timer], [Socket] and [Path] sections, a few [Service]
   * settings). After an edit, such a rule is recomputed on every unit, where
   * the others are recomputed only on the units whose files or view changed.
   * test/linter/cross-unit.test.ts finds the rules that need it.
   */
  readsOtherUnits?: "anything";
  /**
   * Set on a unit rule that may report in the files of a unit other than the
   * one it checks (the others report in their unit's own files only). `check`
   * runs only such rules on the units it reads for context (the other units
   * of a staged file's folder), whose own findings are not reported.
   * test/linter/cross-unit.test.ts fails for a rule that needs it.
   */
  reportsInOtherUnits?: true;
}

/** One rule option: checked when the config is read, listed in the schema and the rule's page. */
export interface RuleOption {
  type: "number" | "string" | "string[]";
  description: string;
  minimum?: number;
  maximum?: number;
}

/** A rule's option declarations, by option name. */
export type OptionSpecs = Record<string, RuleOption>;

/** The value an option of the declared type has in the config. */
type OptionValue<T extends RuleOption["type"]> = T extends "number" ? number : T extends "string" ? string : string[];

/** A rule's options as its checks see them (`ctx.options`): each one absent unless the config sets it. */
export type OptionValues<O extends OptionSpecs> = { readonly [K in keyof O]?: OptionValue<O[K]["type"]> };

/** What a rule reports; the engine adds rule id, severity and line/column. `M`: the rule's message ids. */
export interface Report<M extends string = string> {
  messageId: M;
  data?: Record<string, string | number>;
  file: ReportFile;
  range: Range;
  fix?: Fix;
  suggestions?: Fix[];
  related?: { file: ReportFile; range: Range; message: string }[];
  /** Overrides the configured severity for this one finding (rare: e.g. an info-level variant). */
  severity?: Severity;
}

export interface LintSettings {
  /** systemd versions the units must work on (e.g. [247, 252]); empty = no version checks. */
  targetSystemd: number[];
  mode: "system" | "user";
  /** Units that exist on the target host although not in the checked set. */
  externalUnits: string[];
  /** Units enabled by links in `*.wants/`/`*.requires/` folders of the checked paths. */
  enabledUnits?: string[];
  /** Options per rule id, from config. */
  ruleOptions: Record<string, unknown>;
  /** "Now" in ms since the epoch, for checks such as "this date is in the past"; the CLI passes the clock, tests a fixed time. */
  now?: number;
  /**
   * The local zone of OnCalendar= specs without their own, as systemd on the
   * target host would use it: an IANA name ("Europe/Berlin"), "UTC" or a POSIX
   * TZ string. The CLI passes the zone `next`, `calendar` and `schedule` use
   * (node/time-zone.ts machineTimeZone: $TZ, else /etc/localtime's); unset means UTC,
   * which keeps results independent of the machine (tests, the playground).
   */
  timeZone?: string;
  /**
   * Where the timer rules load zones (`timeZone` and OnCalendar= suffixes).
   * Default: the JavaScript engine's (Intl), which works anywhere. The CLI and
   * the language server pass the machine's zoneinfo files when it has them:
   * what systemd reads, and they load without Intl's time-zone data, whose
   * first use costs a short run some 20 ms.
   */
  zones?: ZoneSource;
}

/**
 * What a check sees. `M` and `O` are the rule's message ids and option
 * declarations, inferred by `defineRule` from its meta: reporting an id the
 * rule has no message for does not compile, and `options` has the declared types.
 */
interface BaseContext<M extends string = string, O extends OptionSpecs = OptionSpecs> {
  settings: LintSettings;
  set: UnitSet;
  /** This rule's options from the config (validated when it was read); `{}` when it sets none. */
  options: OptionValues<O>;
  report(r: Report<M>): void;
}

/**
 * A file rule sees its file alone, before the set is built: `check` runs the
 * file rules on each file as it is parsed, so a large run does not hold every
 * file's whole tree at once.
 */
export interface FileContext<M extends string = string, O extends OptionSpecs = OptionSpecs> extends Omit<BaseContext<M, O>, "set"> {
  file: UnitFile;
}

export interface UnitContext<M extends string = string, O extends OptionSpecs = OptionSpecs> extends BaseContext<M, O> {
  unit: EffectiveUnit;
}

export type SetContext<M extends string = string, O extends OptionSpecs = OptionSpecs> = BaseContext<M, O>;

export interface CrontabContext<M extends string = string, O extends OptionSpecs = OptionSpecs> extends BaseContext<M, O> {
  crontab: CrontabFile;
}

export interface JobsContext<M extends string = string, O extends OptionSpecs = OptionSpecs> extends BaseContext<M, O> {
  jobs: JobsFile;
  /** Every job file of the run (this one included), for checks across files such as duplicate names. */
  peers: JobsFile[];
}

/**
 * A rule: metadata plus pure checks. `checkFile` sees one parsed file (syntax,
 * naming), `checkUnit` one effective unit (drop-ins applied), `checkSet` the
 * whole set of units of the run; `checkCrontab` / `checkJobs` one schedule
 * file that is not a unit. No file system, clock or globals.
 *
 * `M` and `O` (message ids, option declarations) are for `defineRule`; the
 * registry and the engine hold plain `Rule`s.
 */
export interface Rule<M extends string = string, O extends OptionSpecs = OptionSpecs> {
  meta: RuleMeta<M, O>;
  checkFile?(ctx: FileContext<M, O>): void;
  checkUnit?(ctx: UnitContext<M, O>): void;
  checkSet?(ctx: SetContext<M, O>): void;
  /** One crontab (user or system format); see src/crontab. */
  checkCrontab?(ctx: CrontabContext<M, O>): void;
  /** One JSON job file (the OpenTofu Workspace Scheduler's shape); see src/jobs. */
  checkJobs?(ctx: JobsContext<M, O>): void;
}

/**
 * A rule, its message ids and option types inferred from its meta: the checks'
 * `ctx.report` takes only ids of `meta.messages`, and `ctx.options` has the
 * types `meta.options` declares (a rule without options gets `{}`).
 */
export function defineRule<const M extends string, const O extends OptionSpecs = Record<never, RuleOption>>(rule: Rule<M, O>): Rule {
  return rule;
}

/** A rule's options in the given settings, for the check's `ctx.options` (the config loader has checked their types). */
export function optionsOf(rule: Rule, settings: LintSettings): OptionValues<OptionSpecs> {
  return settings.ruleOptions[rule.meta.id] ?? {};
}
