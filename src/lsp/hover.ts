import type { Range } from "../core/range.js";
import type { UnitFile } from "../model/unit-file.js";
import { cursorContext } from "./context.js";
import type { EditorKnowledge } from "./knowledge.js";
import { valueHover } from "./value-hover.js";

export interface HoverResult {
  markdown: string;
  range: Range;
}

/** Hover text for the directive or value under the cursor. */
export function hoverAt(file: UnitFile, offset: number, knowledge: EditorKnowledge): HoverResult | null {
  const c = cursorContext(file.ast, offset);
  if (c.kind === "key") {
    const md = knowledge.describe(c.section ?? "", c.entry.key);
    return md ? { markdown: md, range: c.entry.keyRange } : null;
  }
  if (c.kind === "value") return valueHover(file, c.entry, c.offsetInValue);
  return null;
}
