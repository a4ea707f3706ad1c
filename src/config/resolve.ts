import picomatch from "picomatch/posix.js";
import type { SeverityOrOff } from "../core/diagnostic.js";
import type { LintOptions } from "../linter/lint.js";
import { effectiveSeverity, type Preset } from "../linter/severity.js";
import type { RuleMeta } from "../rules/types.js";
import type { UnitlintConfig } from "./types.js";

// Paths here are relative to the config file's folder and '/'-separated on every platform
// (picomatch/posix), so a config means the same on Windows, Linux and in a browser.

type Matcher = (path: string) => boolean;
const matchers = new WeakMap<string[], Matcher>();
function matcher(globs: string[]): Matcher {
  const hit = matchers.get(globs);
  if (hit) return hit;
  const m = picomatch(globs, { dot: true });
  matchers.set(globs, m);
  return m;
}

/** Whether a file is excluded by the config's `ignore` globs. */
export function isIgnored(config: UnitlintConfig, relPath: string): boolean {
  return config.ignore.length > 0 && matcher(config.ignore)(relPath);
}

/** What applies to one file: the config's settings with every matching override laid over them in order. */
export interface FileSettings {
  rules: Record<string, SeverityOrOff>;
  mode?: "system" | "user";
  targetSystemd: number[];
}

export function fileSettings(config: UnitlintConfig, relPath: string): FileSettings {
  const out: FileSettings = { rules: { ...config.rules }, targetSystemd: config.targetSystemd, ...(config.mode ? { mode: config.mode } : {}) };
  for (const o of config.overrides) {
    if (!matcher(o.files)(relPath)) continue;
    Object.assign(out.rules, o.rules);
    if (o.mode) out.mode = o.mode;
    if (o.targetSystemd) out.targetSystemd = o.targetSystemd;
  }
  return out;
}

/** A rule's severity in one file: command line > matching overrides (last wins) > config > presets > default. */
export function severityFor(config: UnitlintConfig, relPath: string, meta: RuleMeta, cli: { rules?: Record<string, SeverityOrOff>; presets?: Preset[] } = {}): SeverityOrOff {
  const explicit = cli.rules?.[meta.id] ?? fileSettings(config, relPath).rules[meta.id];
  return effectiveSeverity(meta, [...new Set([...config.presets, ...(cli.presets ?? [])])], explicit ? { [meta.id]: explicit } : {});
}

/**
 * Lint options for a run over files that share their settings (the caller
 * groups files so; `relPaths[0]` decides). Command-line rules and presets win.
 */
export function lintOptionsFor(config: UnitlintConfig, relPaths: string[], cli: { rules?: Record<string, SeverityOrOff>; presets?: Preset[] } = {}): LintOptions {
  const s = relPaths.length > 0 ? fileSettings(config, relPaths[0]!) : fileSettings(config, "\u0000");
  return {
    rules: { ...s.rules, ...(cli.rules ?? {}) },
    presets: [...new Set([...config.presets, ...(cli.presets ?? [])])],
    settings: { targetSystemd: s.targetSystemd, externalUnits: config.externalUnits, ruleOptions: config.ruleOptions, ...(s.mode ? { mode: s.mode } : {}) },
  };
}
