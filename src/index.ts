/**
 * unitlint's library API. Everything here runs without Node APIs (browser-safe),
 * except the functions re-exported from `./node/` which read files.
 */
export { lintSources, runRules, formatMessage, type LintOptions, type LintResult, type LintSource } from "./linter/lint.js";
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
  severityFor,
  isIgnored,
  lintOptionsFor,
  type UnitlintConfig,
  type ConfigError,
  type ConfigOverride,
  type FileSettings,
} from "./config/config.js";
export { configSchema } from "./config/schema.js";
export { applyFixes, type FixOptions, type FixResult } from "./fix/fix.js";
export { unifiedDiff } from "./fix/diff.js";
export { PRESETS, effectiveSeverity, type Preset } from "./linter/severity.js";

import { lintSources, type LintOptions, type LintResult } from "./linter/lint.js";

/** Lint in-memory sources: `lint([{ path: "app.service", text }])`. */
export function lint(sources: { path: string; text: string }[], options?: LintOptions): LintResult {
  return lintSources(sources, options);
}
