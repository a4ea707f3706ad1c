import { valueSubRange } from "../parser/unit/index.js";
import type { EntryNode } from "../parser/unit/ast.js";
import type { UnitFile } from "../model/unit-file.js";
import type { HoverResult } from "./hover.js";

/** What a specifier expands to in this unit (systemd.unit(5) "Specifiers"), for the names we can know statically. */
function specifierValue(file: UnitFile, spec: string): string | undefined {
  const n = file.name;
  switch (spec) {
    case "%n":
      return n.name;
    case "%N":
      return n.stem;
    case "%p":
      return n.prefix;
    case "%i":
      return n.isInstance ? (n.instance ?? "") : n.isTemplate ? "the instance name (e.g. `email` in `" + n.prefix + "@email." + n.type + "`)" : "empty: this unit is not a template";
    case "%j":
      return n.prefix.split("-").pop();
    case "%%":
      return "a literal `%`";
    default:
      return undefined;
  }
}

export function valueHover(file: UnitFile, entry: EntryNode, at: number): HoverResult | null {
  const v = entry.value;
  for (const m of v.matchAll(/%./g)) {
    const i = m.index!;
    if (at >= i && at <= i + 2) {
      const meaning = specifierValue(file, m[0]);
      if (meaning) return { markdown: `\`${m[0]}\` expands to ${meaning.includes("`") || meaning.includes(" ") ? meaning : "`" + meaning + "`"} in \`${file.name.name}\``, range: valueSubRange(entry, i, i + 2) };
    }
  }
  return null;
}
