import picomatch from "picomatch/posix.js";
import type { SeverityOrOff } from "../core/diagnostic.js";
import type { FileConfig } from "../linter/configs.js";
import type { Preset } from "../linter/severity.js";
import type { LintSettings } from "../rules/types.js";
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

/** What the command line (or an editor's settings) lays over every file's configuration. */
export interface CommandLineSettings {
  rules?: Record<string, SeverityOrOff>;
  presets?: Preset[];
  /** Wins over the config's and the overrides' targetSystemd when given (non-empty). */
  targetSystemd?: number[];
  /** Wins over the config's and the overrides' mode. */
  mode?: "system" | "user";
  /** Added to the config's externalUnits. */
  externalUnits?: string[];
}

/**
 * Builds each file's configuration (config file, then its matching overrides,
 * then the command line), one shared object per distinct result, so the
 * linter resolves severities and runs set rules once per distinct settings.
 * `run` holds what is the same for every file (the clock, enabled units).
 */
export class FileConfigs {
  private memo = new Map<string, FileConfig>();

  constructor(
    private readonly cli: CommandLineSettings = {},
    private readonly run: Pick<Partial<LintSettings>, "now" | "enabledUnits" | "timeZone"> = {},
  ) {}

  for(config: UnitlintConfig, relPath: string): FileConfig {
    const s = fileSettings(config, relPath);
    const rules = { ...s.rules, ...(this.cli.rules ?? {}) };
    const presets = [...new Set([...config.presets, ...(this.cli.presets ?? [])])];
    const mode = this.cli.mode ?? s.mode;
    const settings: Partial<LintSettings> = {
      targetSystemd: this.cli.targetSystemd?.length ? this.cli.targetSystemd : s.targetSystemd,
      externalUnits: [...config.externalUnits, ...(this.cli.externalUnits ?? [])],
      ruleOptions: config.ruleOptions,
      ...(mode ? { mode } : {}),
      ...this.run,
    };
    const key = JSON.stringify([rules, presets, { ...settings, enabledUnits: undefined }]);
    let hit = this.memo.get(key);
    if (!hit) this.memo.set(key, (hit = { rules, presets, settings }));
    return hit;
  }
}
