import picomatch from "picomatch";
import type { SeverityOrOff } from "../core/diagnostic.js";
import type { Range } from "../core/range.js";
import { SourceText } from "../core/source.js";
import { parseJson, type JsonNode } from "../jobs/json.js";
import { PRESETS, type Preset } from "../linter/severity.js";
import type { LintOptions } from "../linter/lint.js";
import { rulesById } from "../rules/registry.js";

/** unitlint.config.json / .unitlintrc.json (schema: schema/unitlint.schema.json). */
export interface UnitlintConfig {
  presets: Preset[];
  rules: Record<string, SeverityOrOff>;
  ruleOptions: Record<string, unknown>;
  targetSystemd: number[];
  mode?: "system" | "user";
  externalUnits: string[];
  ignore: string[];
  overrides: { files: string[]; rules: Record<string, SeverityOrOff>; mode?: "system" | "user"; targetSystemd?: number[] }[];
}

export interface ConfigError {
  message: string;
  line: number;
  column: number;
}

const SEVERITIES = ["off", "info", "warning", "error"];
const TOP_KEYS = ["$schema", "preset", "rules", "targetSystemd", "mode", "externalUnits", "ignore", "overrides"];

export function emptyConfig(): UnitlintConfig {
  return { presets: ["recommended"], rules: {}, ruleOptions: {}, targetSystemd: [], externalUnits: [], ignore: [], overrides: [] };
}

/** Parse and validate a config file; every problem comes with its line and column. */
export function parseConfig(text: string, path = "unitlint.config.json"): { config: UnitlintConfig; errors: ConfigError[] } {
  const src = new SourceText(path, text);
  const errors: ConfigError[] = [];
  const err = (range: Range, message: string) => {
    const p = src.positionAt(range.start);
    errors.push({ message, line: p.line, column: p.column });
  };
  const config = emptyConfig();
  const parsed = parseJson(text);
  if (!parsed.ok) {
    err(parsed.error.range, `not valid JSON: ${parsed.error.message}`);
    return { config, errors };
  }
  const root = parsed.value;
  if (root.type !== "object") {
    err(root.range, "the configuration must be a JSON object");
    return { config, errors };
  }
  const strings = (n: JsonNode, what: string): string[] => {
    const items = n.type === "array" ? n.items : [n];
    const out: string[] = [];
    for (const i of items) {
      if (i.type === "string") out.push(i.value);
      else err(i.range, `${what} must be strings`);
    }
    return out;
  };
  const versions = (n: JsonNode): number[] => {
    const items = n.type === "array" ? n.items : [n];
    const out: number[] = [];
    for (const i of items) {
      if (i.type === "number" && Number.isInteger(i.value) && i.value >= 100 && i.value < 1000) out.push(i.value);
      else err(i.range, "targetSystemd takes systemd versions such as 252 or [247, 252]");
    }
    return out;
  };
  const mode = (n: JsonNode): "system" | "user" | undefined => {
    if (n.type === "string" && (n.value === "system" || n.value === "user")) return n.value;
    err(n.range, 'mode must be "system" or "user"');
    return undefined;
  };
  const rules = (n: JsonNode, into: Record<string, SeverityOrOff>) => {
    if (n.type !== "object") return err(n.range, "rules must be an object of rule id → severity");
    for (const m of n.members) {
      if (!rulesById.has(m.key)) {
        err(m.keyRange, `unknown rule '${m.key}' (see 'unitlint rules')`);
        continue;
      }
      const sev = m.value.type === "array" ? m.value.items[0] : m.value;
      if (!sev || sev.type !== "string" || !SEVERITIES.includes(sev.value)) {
        err((sev ?? m.value).range, `the severity of ${m.key} must be one of off, info, warning, error`);
        continue;
      }
      into[m.key] = sev.value as SeverityOrOff;
      if (m.value.type === "array" && m.value.items[1]) config.ruleOptions[m.key] = toPlain(m.value.items[1]);
    }
  };
  for (const m of root.members) {
    const v = m.value;
    switch (m.key) {
      case "$schema":
        break;
      case "preset": {
        const names = strings(v, "preset names");
        for (const p of names) if (!PRESETS.includes(p as Preset)) err(v.range, `unknown preset '${p}' (choose from ${PRESETS.join(", ")})`);
        config.presets = ["recommended", ...names.filter((p): p is Preset => PRESETS.includes(p as Preset) && p !== "recommended")];
        break;
      }
      case "rules":
        rules(v, config.rules);
        break;
      case "targetSystemd":
        config.targetSystemd = versions(v);
        break;
      case "mode": {
        const md = mode(v);
        if (md) config.mode = md;
        break;
      }
      case "externalUnits":
        config.externalUnits = strings(v, "externalUnits");
        break;
      case "ignore":
        config.ignore = strings(v, "ignore globs");
        break;
      case "overrides":
        if (v.type !== "array") {
          err(v.range, "overrides must be an array of { files, rules, mode, targetSystemd }");
          break;
        }
        for (const o of v.items) {
          if (o.type !== "object") {
            err(o.range, "each override must be an object");
            continue;
          }
          const ov: UnitlintConfig["overrides"][number] = { files: [], rules: {} };
          for (const om of o.members) {
            if (om.key === "files") ov.files = strings(om.value, "files globs");
            else if (om.key === "rules") rules(om.value, ov.rules);
            else if (om.key === "mode") {
              const md = mode(om.value);
              if (md) ov.mode = md;
            } else if (om.key === "targetSystemd") ov.targetSystemd = versions(om.value);
            else err(om.keyRange, `unknown key '${om.key}' in an override (allowed: files, rules, mode, targetSystemd)`);
          }
          if (ov.files.length === 0) err(o.range, "an override needs a non-empty 'files' list of globs");
          config.overrides.push(ov);
        }
        break;
      default:
        err(m.keyRange, `unknown key '${m.key}' (allowed: ${TOP_KEYS.filter((k) => k !== "$schema").join(", ")})`);
    }
  }
  return { config, errors };
}

function toPlain(n: JsonNode): unknown {
  switch (n.type) {
    case "object":
      return Object.fromEntries(n.members.map((m) => [m.key, toPlain(m.value)]));
    case "array":
      return n.items.map(toPlain);
    case "null":
      return null;
    default:
      return n.value;
  }
}

/** Whether a path (relative to the config's folder, '/'-separated) is ignored. */
export function isIgnored(config: UnitlintConfig, relPath: string): boolean {
  return config.ignore.length > 0 && picomatch(config.ignore, { dot: true })(relPath);
}

/** Lint options for the files matched by the config (overrides apply when every file matches their globs). */
export function lintOptionsFor(config: UnitlintConfig, relPaths: string[], cli: { rules?: Record<string, SeverityOrOff>; presets?: Preset[] } = {}): LintOptions {
  const rules = { ...config.rules };
  let mode = config.mode;
  let targets = config.targetSystemd;
  for (const o of config.overrides) {
    const match = picomatch(o.files, { dot: true });
    if (relPaths.length === 0 || !relPaths.every((p) => match(p))) continue;
    Object.assign(rules, o.rules);
    if (o.mode) mode = o.mode;
    if (o.targetSystemd) targets = o.targetSystemd;
  }
  Object.assign(rules, cli.rules ?? {});
  const presets = [...new Set([...config.presets, ...(cli.presets ?? [])])];
  return {
    rules,
    presets,
    settings: { targetSystemd: targets, externalUnits: config.externalUnits, ruleOptions: config.ruleOptions, ...(mode ? { mode } : {}) },
  };
}
