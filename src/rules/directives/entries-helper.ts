import { isKnownSection } from "../../knowledge/sections.js";
import type { EntryNode } from "../../parser/unit/ast.js";
import type { UnitFile } from "../../model/unit-file.js";

interface CheckedEntry {
  section: string;
  entry: EntryNode;
}

/**
 * The last file's list: six rules walk the same list, one file after the
 * other. One file only, not every file's: a run over thousands of files would
 * otherwise keep a list (and the whole tree it points into) per file to the end.
 */
let last: { file: UnitFile; ast: UnitFile["ast"]; entries: readonly CheckedEntry[] } | undefined;

/**
 * The assignments systemd actually interprets: in sections the unit type has
 * (not `[X-...]`), whose header it accepted, with keys not starting with `X-`.
 */
export function checkedEntries(file: UnitFile): readonly CheckedEntry[] {
  if (last && last.file === file && last.ast === file.ast) return last.entries;
  const type = file.name.type;
  const out: CheckedEntry[] = [];
  for (const s of file.ast.sections) {
    if (s.header.problem || s.name.startsWith("X-") || !isKnownSection(type, s.name)) continue;
    for (const entry of s.entries) if (!entry.key.startsWith("X-")) out.push({ section: s.name, entry });
  }
  last = { file, ast: file.ast, entries: out };
  return out;
}
