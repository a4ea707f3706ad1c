import { trimOf } from "../core/strings.js";
import { UNIT_TYPES, type UnitType } from "../knowledge/unit-types.js";

// Unit types are knowledge (src/knowledge/unit-types.ts); they are exported here too for the model's users.
export { UNIT_TYPES, type UnitType };

/** Longest valid unit name: systemd's UNIT_NAME_MAX (256) includes the terminating NUL. */
export const UNIT_NAME_MAX = 255;

export interface UnitName {
  name: string;
  /** Name without the type suffix (`foo@bar`). */
  stem: string;
  type: UnitType | null;
  /** `foo@.service` */
  isTemplate: boolean;
  /** `foo@bar.service` */
  isInstance: boolean;
  /** For templates and instances: `foo` of `foo@bar.service`. */
  prefix: string;
  /** For instances: `bar` of `foo@bar.service`. */
  instance: string | null;
  /** The template an instance is made from: `foo@.service`. */
  template: string | null;
}

export function unitTypeOf(name: string): UnitType | null {
  const dot = name.lastIndexOf(".");
  if (dot < 0) return null;
  const suffix = name.slice(dot + 1);
  return (UNIT_TYPES as readonly string[]).includes(suffix) ? (suffix as UnitType) : null;
}

export function parseUnitName(name: string): UnitName {
  const type = unitTypeOf(name);
  const stem = type ? name.slice(0, name.length - type.length - 1) : name;
  const at = stem.indexOf("@");
  const isTemplate = at >= 0 && at === stem.length - 1;
  const isInstance = at >= 0 && at < stem.length - 1;
  return {
    name,
    stem,
    type,
    isTemplate,
    isInstance,
    prefix: at >= 0 ? stem.slice(0, at) : stem,
    instance: isInstance ? stem.slice(at + 1) : null,
    template: isInstance && type ? `${stem.slice(0, at)}@.${type}` : null,
  };
}

/**
 * Why a file name is not a valid unit name (unit_name_is_valid() in
 * src/basic/unit-name.c), or null when it is.
 */
export function unitNameProblem(name: string): string | null {
  if (name.length === 0) return "the name is empty";
  if (name.length > UNIT_NAME_MAX) return `the name is longer than ${UNIT_NAME_MAX} characters`;
  const dot = name.lastIndexOf(".");
  if (dot <= 0) return "the name has no unit type suffix such as '.service'";
  const type = unitTypeOf(name);
  if (!type) return `'${name.slice(dot)}' is not a unit type suffix`;
  const stem = name.slice(0, dot);
  // unit_name_is_valid(): the whole stem uses letters, digits, ":-_.\\" and "@";
  // the first "@" splits prefix and instance, and the prefix must not be empty.
  const bad = [...stem].find((ch) => !/[A-Za-z0-9:_.\\@-]/.test(ch));
  if (bad !== undefined) return `'${bad}' is not allowed in a unit name (allowed: ASCII letters, digits, ':', '-', '_', '.', '\\', '@')`;
  if (stem.startsWith("@")) return "the name before '@' is empty";
  return null;
}

/**
 * systemd-escape --path: the unit name a mount or automount for `path` must have
 * (unit_name_path_escape() + unit_name_escape()).
 */
export function escapePath(path: string): string {
  let p = path.replace(/\/+/g, "/");
  p = trimOf(p, "/");
  if (p === "") return "-";
  return escapeString(p);
}

export function escapeString(s: string): string {
  let out = "";
  const bytes = new TextEncoder().encode(s);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    const ch = String.fromCharCode(b);
    if (b === 0x2f) out += "-";
    else if (b === 0x2e && i === 0) out += "\\x2e";
    else if (/[A-Za-z0-9:_.]/.test(ch) && b < 0x80) out += ch;
    else out += "\\x" + b.toString(16).padStart(2, "0");
  }
  return out;
}

export function unescapePath(stem: string): string {
  if (stem === "-") return "/";
  const raw = stem.replace(/-/g, "/").replace(/\\x([0-9a-fA-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return "/" + raw;
}

/**
 * `foo@bar.service` → `foo@.service`: the template an instance name comes from (the name itself when it has no
 * `@` instance part). String search, not a regular expression: those are quadratic on a long run of `@`.
 */
export function templateNameOf(name: string): string {
  const at = name.indexOf("@");
  const dot = at < 0 ? -1 : name.indexOf(".", at);
  return at >= 0 && dot > at ? name.slice(0, at + 1) + name.slice(dot) : name;
}
