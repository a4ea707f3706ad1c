/**
 * unitlint's library API. Everything here runs without Node APIs (browser-safe),
 * except the functions re-exported from `./node/` which read files.
 */
export { lintProject, type ProjectOptions, type ProjectResult, type FixRequest, type FixOutcome } from "./linter/project.js";
export { lintSources, runRules, formatMessage, type LintOptions, type LintResult, type LintSource } from "./linter/lint.js";
export type { FileConfig } from "./linter/configs.js";
export { ProjectConfigs, type ProjectConfigOptions, type ResolvedFile } from "./node/project-config.js";
export { parseUnitFile, printUnitFile, valueSubRange, type ParseResult } from "./parser/unit/index.js";
export type * from "./parser/unit/ast.js";
export { parseFile, type UnitFile } from "./model/unit-file.js";
export { EffectiveUnit, type Assignment } from "./model/effective-unit.js";
export { buildUnitSet, resolveUnit, type UnitSet } from "./model/unit-set.js";
export { parseUnitName, unitNameProblem, escapePath, type UnitName, type UnitType } from "./model/unit-name.js";
export { allRules, rulesById } from "./rules/registry.js";
export type { Rule, RuleMeta, Report, LintSettings } from "./rules/types.js";
export { formatters, type FormatInput, type Formatter } from "./format/index.js";
export type { Finding, Fix, TextEdit, Severity } from "./core/diagnostic.js";
export { applyEdits } from "./core/edits.js";
export { decodeLossless, encodeLossless } from "./core/bytes.js";
export {
  parseCalendar,
  normalizeCalendar,
  nextElapses,
  parseCron,
  nextCronRuns,
  parseTimespan,
  formatTimespan,
  lintCalendar,
  cronToCalendar,
  parseTimestamp,
  type NextOptions,
  type NextResult,
  type Elapse,
} from "./calendar/index.js";
export { directiveInfo, directivesFor, enumInfo, type DirectiveInfo } from "./knowledge/directives.js";
export {
  parseConfig,
  emptyConfig,
  fileSettings,
  isIgnored,
  FileConfigs,
  type CommandLineSettings,
  type UnitlintConfig,
  type ConfigError,
  type ConfigOverride,
  type FileSettings,
} from "./config/config.js";
export { configSchema } from "./config/schema.js";
export { applyFixes, type FixOptions, type FixResult } from "./fix/fix.js";
export { unifiedDiff } from "./fix/diff.js";
export { PRESETS, effectiveSeverity, type Preset } from "./linter/severity.js";
export {
  assessUnit,
  formatExposure,
  ratingOf,
  SECURITY_CHECKS,
  type Assessment,
  type CheckResult,
  type Rating,
  type SecurityCheck,
} from "./hardening/assess.js";
export { hardenUnit, DEFAULT_TARGET, type HardenResult, type HardenStep } from "./hardening/harden.js";
export { toReport, type UnitReport } from "./hardening/report.js";

import { lintProject as lintAll, type ProjectOptions as Options, type ProjectResult as Result } from "./linter/project.js";
import { parseFile as parseSource } from "./model/unit-file.js";
import { buildUnitSet as buildSet } from "./model/unit-set.js";
import { assessUnit as assess } from "./hardening/assess.js";
import { toReport as report, type UnitReport as Report } from "./hardening/report.js";

/**
 * Exposure scores of in-memory units, as `systemd-analyze security --offline=true`
 * computes them (drop-ins among the sources are applied): one report per
 * service, socket, mount or swap unit.
 */
export function security(sources: { path: string; text: string }[]): Report[] {
  const set = buildSet(sources.map((s) => parseSource(s.path, s.text)));
  return set.units.flatMap((u) => {
    const a = u.main ? assess(u) : null;
    return a ? [report(a, u.main!.path)] : [];
  });
}

/** Lint in-memory sources: `lint([{ path: "app.service", text }])`; `lintProject` with more options. */
export function lint(sources: { path: string; text: string }[], options?: Options): Result {
  return lintAll(sources, options);
}
