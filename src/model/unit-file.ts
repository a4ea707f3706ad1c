import { parseUnitFile } from "../parser/unit/index.js";
import type { ParseProblem, UnitFileAst } from "../parser/unit/ast.js";
import type { SourceText } from "../core/source.js";
import { parseUnitName, type UnitName } from "./unit-name.js";
import { trimEndOf } from "../core/strings.js";

/**
 * One parsed file: a unit file (`foo.service`) or a drop-in
 * (`foo.service.d/override.conf`).
 */
export interface UnitFile {
  /** The path as given by the user (used in findings). */
  path: string;
  source: SourceText;
  ast: UnitFileAst;
  problems: ParseProblem[];
  kind: "unit" | "dropin";
  /** For a unit file, its name; for a drop-in, the name of its `.d` folder without `.d` (`foo.service`, `foo-.service`, `service`). */
  unitName: string;
  name: UnitName;
  /** Basename of the file (`override.conf` for drop-ins). */
  basename: string;
}

// Paths use "/" only: a backslash is an ordinary character in escaped unit
// names (`srv-my\x2ddata.mount`); the CLI converts Windows paths before this.
export function basenameOf(path: string): string {
  const p = trimEndOf(path, "/");
  return p.slice(p.lastIndexOf("/") + 1);
}

export function dirnameOf(path: string): string {
  const p = trimEndOf(path, "/");
  const i = p.lastIndexOf("/");
  return i > 0 ? p.slice(0, i) : i === 0 ? "/" : ".";
}

/** `foo.service.d/x.conf` → `foo.service`; null when the path is not in a `.d` folder. */
export function dropinTarget(path: string): string | null {
  if (!path.endsWith(".conf")) return null;
  const dir = basenameOf(dirnameOf(path));
  return dir.endsWith(".d") && dir.length > 2 ? dir.slice(0, -2) : null;
}

export function parseFile(path: string, text: string, kind?: "unit" | "dropin"): UnitFile {
  const { ast, problems } = parseUnitFile(text, path);
  const target = dropinTarget(path);
  const k = kind ?? (target ? "dropin" : "unit");
  const basename = basenameOf(path);
  const unitName = k === "dropin" ? (target ?? basename) : basename;
  return { path, source: ast.source, ast, problems, kind: k, unitName, name: parseUnitName(unitName), basename };
}

/**
 * True when `%i` and `%I` certainly expand to an empty string in this file: a unit that is neither a template nor an
 * instance, or a drop-in of one. A drop-in for a name prefix (`foo-.service.d`) or a whole type (`service.d`) may
 * apply to templates, so it does not count.
 */
export function hasNoInstance(file: UnitFile): boolean {
  const { name } = file;
  if (name.isTemplate || name.isInstance || name.type === null) return false;
  return file.kind === "unit" || !name.stem.endsWith("-");
}
