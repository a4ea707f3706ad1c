import type { SeverityOrOff } from "../core/diagnostic.js";
import type { Range } from "../core/range.js";
import { SourceText } from "../core/source.js";
import { parseJson, type JsonMember, type JsonNode } from "../parser/json.js";
import { PRESETS, type Preset } from "../linter/severity.js";
import { rulesById } from "../rules/registry.js";
import { lookupRuleId } from "../rules/rule-id.js";
import { guessSeverity, SEVERITIES, UNIT_NAME_PATTERN, VERSION_MAX, VERSION_MIN } from "./shape.js";

export { isIgnored, fileSettings, FileConfigs, type FileSettings, type CommandLineSettings } from "./resolve.js";

export type { ConfigOverride, UnitlintConfig } from "./types.js";
import type { ConfigOverride, UnitlintConfig } from "./types.js";

/** A problem in a config file, at the key or value that causes it (1-based line and UTF-16 column). */
export interface ConfigError {
  message: string;
  line: number;
  column: number;
}

const TOP_KEYS = ["preset", "rules", "targetSystemd", "mode", "externalUnits", "ignore", "overrides"];
const OVERRIDE_KEYS = ["files", "rules", "mode", "targetSystemd"];

export function emptyConfig(): UnitlintConfig {
  return { presets: ["recommended"], rules: {}, ruleOptions: {}, targetSystemd: [], externalUnits: [], ignore: [], overrides: [] };
}

/**
 * Parse and validate a config file. Every problem is reported at the key or
 * value that causes it; the config returned holds the valid parts. Accepts
 * exactly what the published JSON Schema accepts (a property test holds the
 * two together).
 */
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

  /** A string or an array of strings; `check` rejects a bad element at its own position. */
  const stringList = (n: JsonNode, what: string, check?: (s: string) => string | undefined): string[] => {
    if (n.type !== "string" && n.type !== "array") {
      err(n.range, `${what} must be a string or an array of strings`);
      return [];
    }
    const out: string[] = [];
    for (const i of n.type === "array" ? n.items : [n]) {
      if (i.type !== "string") err(i.range, `${what} must be strings`);
      else if (i.value === "") err(i.range, `${what} must not be empty strings`);
      else {
        const problem = check?.(i.value);
        if (problem) err(i.range, problem);
        else out.push(i.value);
      }
    }
    return out;
  };
  const versions = (n: JsonNode): number[] => {
    const out: number[] = [];
    const one = (i: JsonNode) => {
      if (i.type === "number" && Number.isInteger(i.value) && i.value >= VERSION_MIN && i.value <= VERSION_MAX) out.push(i.value);
      else err(i.range, `targetSystemd takes systemd versions such as 252 or [247, 252], not ${preview(text, i.range)}`);
    };
    if (n.type === "array") n.items.forEach(one);
    else one(n);
    return out;
  };
  const mode = (n: JsonNode): "system" | "user" | undefined => {
    if (n.type === "string" && (n.value === "system" || n.value === "user")) return n.value;
    err(n.range, `mode must be "system" or "user", not ${preview(text, n.range)}`);
    return undefined;
  };
  const rules = (n: JsonNode, into: Record<string, SeverityOrOff>, options: Record<string, unknown> | undefined) => {
    if (n.type !== "object") return err(n.range, "rules must be an object of rule id → severity");
    for (const m of withoutDuplicates(n.members, err)) {
      const rule = lookupRuleId(m.key);
      if (!rule.ok) {
        err(m.keyRange, rule.message);
        continue;
      }
      const id = rule.id;
      const v = m.value;
      const items = v.type === "array" ? v.items : [v];
      const sev = items[0];
      if (v.type === "array" && (items.length < 1 || items.length > 2)) {
        err(v.range, `the setting of ${id} is a severity or [severity, options]`);
        continue;
      }
      if (!sev || sev.type !== "string" || !(SEVERITIES as string[]).includes(sev.value)) {
        const said = sev?.type === "string" ? guessSeverity(sev.value) : undefined;
        err((sev ?? v).range, `the severity of ${id} must be one of ${SEVERITIES.join(", ")}${said ? `; did you mean '${said}'?` : ""}`);
        continue;
      }
      const opts = items[1];
      if (opts && opts.type !== "object") {
        err(opts.range, `the options of ${id} must be an object`);
        continue;
      }
      if (opts && !options) {
        err(opts.range, "rule options belong in the top-level rules, not in an override");
        continue;
      }
      if (opts && !optionsValid(id, opts, err)) continue;
      into[id] = sev.value as SeverityOrOff;
      if (opts && options) options[id] = toPlain(opts);
    }
  };

  for (const m of withoutDuplicates(root.members, err)) {
    const v = m.value;
    switch (m.key) {
      case "$schema":
        if (v.type !== "string") err(v.range, "$schema must be a string (the path or URL of unitlint.schema.json)");
        break;
      case "preset": {
        const names = stringList(v, "preset names", (p) =>
          PRESETS.includes(p as Preset) ? undefined : `unknown preset '${p}' (choose from ${PRESETS.join(", ")})`,
        );
        config.presets = ["recommended", ...(names as Preset[]).filter((p) => p !== "recommended")];
        break;
      }
      case "rules":
        rules(v, config.rules, config.ruleOptions);
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
        config.externalUnits = stringList(v, "externalUnits", (u) =>
          UNIT_NAME_PATTERN.test(u) ? undefined : `'${u}' is not a unit name such as redis.service`,
        );
        break;
      case "ignore":
        config.ignore = stringList(v, "ignore globs");
        break;
      case "overrides":
        if (v.type !== "array") {
          err(v.range, `overrides must be an array of { ${OVERRIDE_KEYS.join(", ")} }`);
          break;
        }
        for (const o of v.items) {
          if (o.type !== "object") {
            err(o.range, "each override must be an object");
            continue;
          }
          const ov: ConfigOverride = { files: [], rules: {} };
          let hasFiles = false;
          for (const om of withoutDuplicates(o.members, err)) {
            if (om.key === "files") {
              hasFiles = true;
              ov.files = stringList(om.value, "files globs");
              if (om.value.type === "array" && om.value.items.length === 0) err(om.value.range, "'files' must list at least one glob");
            } else if (om.key === "rules") rules(om.value, ov.rules, undefined);
            else if (om.key === "mode") {
              const md = mode(om.value);
              if (md) ov.mode = md;
            } else if (om.key === "targetSystemd") ov.targetSystemd = versions(om.value);
            else err(om.keyRange, `unknown key '${om.key}' in an override (allowed: ${OVERRIDE_KEYS.join(", ")})`);
          }
          if (!hasFiles) err(o.range, "an override needs 'files': the globs it applies to");
          if (ov.files.length > 0) config.overrides.push(ov);
        }
        break;
      default:
        err(m.keyRange, `unknown key '${m.key}' (allowed: ${TOP_KEYS.join(", ")})`);
    }
  }
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  return { config, errors };
}

/** JSON allows a key twice and keeps the last; in a config that is always a mistake, so say where. */
function withoutDuplicates(members: JsonMember[], err: (r: Range, m: string) => void): JsonMember[] {
  const seen = new Set<string>();
  const out: JsonMember[] = [];
  for (const m of members) {
    if (seen.has(m.key)) err(m.keyRange, `'${m.key}' is given twice`);
    else out.push(m);
    seen.add(m.key);
  }
  return out;
}

function preview(text: string, r: Range): string {
  const s = text.slice(r.start, r.end);
  return s.length > 40 ? s.slice(0, 37) + "..." : s;
}

/** Check `[severity, { ... }]` options against the rule's declared options (RuleMeta.options). */
function optionsValid(id: string, opts: JsonNode & { type: "object" }, err: (range: Range, message: string) => void): boolean {
  const declared = rulesById.get(id)?.meta.options ?? {};
  let ok = true;
  for (const m of opts.members) {
    const spec = declared[m.key];
    if (!spec) {
      const known = Object.keys(declared);
      err(m.keyRange, known.length ? `${id} has no option '${m.key}' (its options: ${known.join(", ")})` : `${id} takes no options`);
      ok = false;
      continue;
    }
    const v = m.value;
    const good =
      spec.type === "number"
        ? v.type === "number" && (spec.minimum === undefined || v.value >= spec.minimum) && (spec.maximum === undefined || v.value <= spec.maximum)
        : spec.type === "string"
          ? v.type === "string"
          : v.type === "array" && v.items.every((x) => x.type === "string");
    if (!good) {
      const range =
        spec.type === "number" && (spec.minimum !== undefined || spec.maximum !== undefined) ? ` from ${spec.minimum ?? "-∞"} to ${spec.maximum ?? "∞"}` : "";
      err(v.range, `${id}: option '${m.key}' must be ${spec.type === "string[]" ? "a list of strings" : `a ${spec.type}`}${range}`);
      ok = false;
    }
  }
  return ok;
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
