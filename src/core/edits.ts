import type { TextEdit } from "./diagnostic.js";

/**
 * Apply non-overlapping edits to a text. Overlapping edits are dropped (the
 * first by start offset wins) so one pass never produces a garbled file; the
 * caller re-runs the linter to pick up the rest.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: TextEdit[] } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const applied: TextEdit[] = [];
  let out = "";
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos || e.end < e.start || e.end > text.length) continue;
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
    applied.push(e);
  }
  out += text.slice(pos);
  return { text: out, applied };
}
