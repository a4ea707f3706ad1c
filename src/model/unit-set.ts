import { EffectiveUnit } from "./effective-unit.js";
import { basenameOf, dirnameOf, type UnitFile } from "./unit-file.js";
import { parseUnitName, unitTypeOf } from "./unit-name.js";

/** The units of one lint run, with their drop-ins applied. */
export interface UnitSet {
  units: EffectiveUnit[];
  files: UnitFile[];
  /** Units by name (`foo.service`, `foo@.service`); drop-in-only units included. */
  byName: Map<string, EffectiveUnit>;
}

/** Look up a unit by name; an instance (`foo@bar.service`) resolves to its template. */
export function resolveUnit(set: UnitSet, name: string): EffectiveUnit | undefined {
  const direct = set.byName.get(name);
  if (direct) return direct;
  const n = parseUnitName(name);
  return n.template ? set.byName.get(n.template) : undefined;
}

/**
 * Names of the drop-in folders that apply to a unit, most specific first
 * (systemd.unit(5) "drop-in"): the name itself, its template, the dash
 * prefixes from longest to shortest (`foo-bar-.service`, `foo-.service`), and
 * the type-wide folder (`service`).
 */
export function dropinNamesFor(unitName: string): string[] {
  const n = parseUnitName(unitName);
  const names = [unitName];
  if (n.template) names.push(n.template);
  if (n.type) {
    const base = n.prefix;
    const parts = base.split("-");
    for (let k = parts.length - 1; k >= 1; k--) names.push(parts.slice(0, k).join("-") + "-." + n.type);
    names.push(n.type);
  }
  return names;
}

/**
 * Order drop-ins as systemd applies them: by file name; when two folders hold
 * the same file name, the more specific folder's file masks the other.
 */
export function orderDropins(candidates: { file: UnitFile; specificity: number }[]): UnitFile[] {
  const byBase = new Map<string, { file: UnitFile; specificity: number }>();
  for (const c of candidates) {
    const prev = byBase.get(c.file.basename);
    if (!prev || c.specificity < prev.specificity) byBase.set(c.file.basename, c);
  }
  return [...byBase.values()].sort((a, b) => (a.file.basename < b.file.basename ? -1 : a.file.basename > b.file.basename ? 1 : 0)).map((c) => c.file);
}

export function buildUnitSet(files: UnitFile[]): UnitSet {
  const unitsFiles = files.filter((f) => f.kind === "unit");
  const dropins = files.filter((f) => f.kind === "dropin");
  // drop-ins indexed by "<dir of the .d folder>\0<folder name without .d>"
  const dropinIndex = new Map<string, UnitFile[]>();
  for (const d of dropins) {
    const key = dirnameOf(dirnameOf(d.path)) + "\u0000" + d.unitName;
    let list = dropinIndex.get(key);
    if (!list) dropinIndex.set(key, (list = []));
    list.push(d);
  }
  const used = new Set<UnitFile>();
  const units: EffectiveUnit[] = [];
  for (const f of unitsFiles) {
    const dir = dirnameOf(f.path);
    const candidates: { file: UnitFile; specificity: number }[] = [];
    dropinNamesFor(f.unitName).forEach((name, specificity) => {
      for (const d of dropinIndex.get(dir + "\u0000" + name) ?? []) {
        candidates.push({ file: d, specificity });
        used.add(d);
      }
    });
    units.push(new EffectiveUnit(f.unitName, f, orderDropins(candidates)));
  }
  // Drop-ins with no unit beside them are checked on their own, grouped by folder.
  const orphans = new Map<string, UnitFile[]>();
  for (const d of dropins) {
    if (used.has(d)) continue;
    const key = dirnameOf(d.path);
    let list = orphans.get(key);
    if (!list) orphans.set(key, (list = []));
    list.push(d);
  }
  for (const list of orphans.values()) {
    const first = list[0]!;
    units.push(new EffectiveUnit(first.unitName, null, orderDropins(list.map((file) => ({ file, specificity: 0 })))));
  }
  const byName = new Map<string, EffectiveUnit>();
  for (const u of units) if (!byName.has(u.name.name)) byName.set(u.name.name, u);
  return { units, files, byName };
}

export { basenameOf, unitTypeOf };
