import { isKnownSection } from "../../knowledge/sections.js";
import type { EntryNode } from "../../parser/unit/ast.js";
import type { UnitFile } from "../../model/unit-file.js";

/**
 * The assignments systemd actually interprets: in sections the unit type has
 * (not `[X-...]`), whose header it accepted, with keys not starting with `X-`.
 */
export function* checkedEntries(file: UnitFile): Generator<{ section: string; entry: EntryNode }> {
  const type = file.name.type;
  for (const s of file.ast.sections) {
    if (s.header.problem || s.name.startsWith("X-") || !isKnownSection(type, s.name)) continue;
    for (const entry of s.entries) if (!entry.key.startsWith("X-")) yield { section: s.name, entry };
  }
}
