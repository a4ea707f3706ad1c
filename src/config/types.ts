import type { SeverityOrOff } from "../core/diagnostic.js";
import type { Preset } from "../linter/severity.js";

// The validated configuration's shape, shared by the loader (config.ts) and the resolver (resolve.ts).

export interface ConfigOverride {
  files: string[];
  rules: Record<string, SeverityOrOff>;
  mode?: "system" | "user";
  targetSystemd?: number[];
}

/** unitlint.config.json / .unitlintrc.json, validated (schema: schema/unitlint.schema.json). */
export interface UnitlintConfig {
  presets: Preset[];
  rules: Record<string, SeverityOrOff>;
  ruleOptions: Record<string, unknown>;
  targetSystemd: number[];
  mode?: "system" | "user";
  externalUnits: string[];
  ignore: string[];
  overrides: ConfigOverride[];
}
