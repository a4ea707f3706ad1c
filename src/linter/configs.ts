import type { SeverityOrOff } from "../core/diagnostic.js";
import type { LintSettings, Rule } from "../rules/types.js";
import { effectiveSeverity, type Preset } from "./severity.js";

/**
 * What applies to one file: rule severities (explicit ones; presets and the
 * rules' defaults fill in the rest) and the settings its rules read. The
 * configuration layer builds one per file from the config file, its overrides
 * and the command line; files with the same settings may share one object.
 */
export interface FileConfig {
  rules?: Record<string, SeverityOrOff>;
  presets?: Preset[];
  settings?: Partial<LintSettings>;
}

export function defaultSettings(partial: Partial<LintSettings> = {}): LintSettings {
  return {
    targetSystemd: partial.targetSystemd ?? [],
    mode: partial.mode ?? "system",
    externalUnits: partial.externalUnits ?? [],
    ruleOptions: partial.ruleOptions ?? {},
    ...(partial.enabledUnits ? { enabledUnits: partial.enabledUnits } : {}),
    ...(partial.now !== undefined ? { now: partial.now } : {}),
    ...(partial.timeZone !== undefined ? { timeZone: partial.timeZone } : {}),
    ...(partial.zones ? { zones: partial.zones } : {}),
  };
}

/** One file configuration, resolved: full settings and every rule's severity. */
export class ResolvedConfig {
  readonly settings: LintSettings;
  /** Files with equal settings share set-rule runs (severities may still differ). */
  readonly settingsKey: string;
  /** Everything of the configuration a file's findings depend on but the clock and the enabled units (cache keys). */
  readonly key: string;
  private severities = new Map<string, SeverityOrOff>();

  constructor(
    private readonly config: FileConfig,
    onClock?: () => void,
  ) {
    this.settings = defaultSettings(config.settings);
    const { enabledUnits: _units, now: _now, zones: _zones, ...rest } = this.settings;
    this.settingsKey = JSON.stringify(rest);
    this.key = JSON.stringify([config.rules ?? {}, config.presets ?? ["recommended"], rest]);
    // A cached result is only as good as the clock it saw: note when a rule reads it.
    const now = this.settings.now;
    if (onClock && now !== undefined) {
      Object.defineProperty(this.settings, "now", {
        enumerable: true,
        get: () => {
          onClock();
          return now;
        },
      });
    }
  }

  severity(rule: Rule): SeverityOrOff {
    let sev = this.severities.get(rule.meta.id);
    if (sev === undefined) {
      sev = effectiveSeverity(rule.meta, this.config.presets ?? ["recommended"], this.config.rules ?? {});
      this.severities.set(rule.meta.id, sev);
    }
    return sev;
  }
}

/**
 * The configurations of one lint run, per path: the linter asks it which
 * severity a rule has in the file a finding points into and which settings
 * a file's rules see. Without `configFor` every file has the run's own.
 */
export class ConfigTable {
  readonly base: ResolvedConfig;
  private byObject = new Map<FileConfig, ResolvedConfig>();
  private byPath = new Map<string, ResolvedConfig>();

  /** Set when a rule has read `settings.now` since the flag was last cleared. */
  clockRead = false;

  constructor(
    base: FileConfig,
    private readonly configFor?: (path: string) => FileConfig,
  ) {
    this.base = new ResolvedConfig(base, this.onClock);
  }

  private readonly onClock = () => {
    this.clockRead = true;
  };

  of(path: string): ResolvedConfig {
    if (!this.configFor) return this.base;
    let r = this.byPath.get(path);
    if (!r) {
      const c = this.configFor(path);
      r = this.byObject.get(c);
      if (!r) this.byObject.set(c, (r = new ResolvedConfig(c, this.onClock)));
      this.byPath.set(path, r);
    }
    return r;
  }

  /** The configurations met so far (every file's, once each file has been asked for). */
  all(): ResolvedConfig[] {
    return this.configFor ? [...this.byObject.values()] : [this.base];
  }

  /** Whether a rule is on for any file met so far (so it must run at all). */
  anyEnables(rule: Rule): boolean {
    if (!this.configFor) return this.base.severity(rule) !== "off";
    for (const r of this.byObject.values()) if (r.severity(rule) !== "off") return true;
    return false;
  }
}
