import { isKnownSection } from "../../knowledge/sections.js";
import type { EntryNode } from "../../parser/unit/ast.js";
import type { UnitFile } from "../../model/unit-file.js";

interface CheckedEntry {
  section: string;
  entry: EntryNode;
}

/** Computed once per file: six rules walk the same list. */
const cache = new WeakMap<UnitFile, { ast: UnitFile["ast"]; entries: readonly CheckedEntry[] }>();

/**
 * The assignments systemd actually interprets: in sections the unit type has
 * (not `[X-...]`), whose header it accepted, with keys not starting with `X-`.
 */
export function checkedEntries(file: UnitFile): readonly CheckedEntry[] {
  const hit = cache.get(file);
  if (hit && hit.ast === file.ast) return hit.entries;
  const type = file.name.type;
  const out: CheckedEntry[] = [];
  for (const s of file.ast.sections) {
    if (s.header.problem || s.name.startsWith("X-") || !isKnownSection(type, s.name)) continue;
    for (const entry of s.entries) if (!entry.key.startsWith("X-")) out.push({ section: s.name, entry });
  }
  cache.set(file, { ast: file.ast, entries: out });
  return out;
}
