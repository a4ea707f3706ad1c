import type { EntryNode, LineNode, SectionNode, UnitFileAst } from "../parser/unit/ast.js";

/** What the cursor is on in a unit file: a section header, a key, a value, or an empty spot in a section. */
type CursorContext =
  | { kind: "section-header"; line: LineNode }
  | { kind: "key"; entry: EntryNode; section: string | null }
  | { kind: "value"; entry: EntryNode; section: string | null; offsetInValue: number }
  | { kind: "line-start"; section: string | null; prefix: string };

function sectionAt(ast: UnitFileAst, offset: number): SectionNode | null {
  let found: SectionNode | null = null;
  for (const s of ast.sections) if (s.header.fullRange.start <= offset) found = s;
  return found;
}

function lineAt(ast: UnitFileAst, offset: number): LineNode | undefined {
  for (const l of ast.lines) if (offset >= l.fullRange.start && offset < l.fullRange.end) return l;
  const last = ast.lines[ast.lines.length - 1];
  // Past the end of the text: still on the last line when it has no line ending (the cursor after its last
  // character), but after a final newline the cursor is on a new, empty line of its own.
  if (last && offset >= last.fullRange.end && /[\r\n]$/.test(ast.source.text.slice(last.fullRange.start, last.fullRange.end))) return undefined;
  return last;
}

export function cursorContext(ast: UnitFileAst, offset: number): CursorContext {
  const text = ast.source.text;
  const line = lineAt(ast, offset);
  const section = sectionAt(ast, offset)?.name ?? null;
  if (!line) return { kind: "line-start", section, prefix: "" };
  if (line.kind === "section-header" && offset <= line.range.end) return { kind: "section-header", line };
  if (line.kind === "entry") {
    if (offset <= line.equalsOffset) return { kind: "key", entry: line, section: line.section };
    const start = line.valueRange.start;
    return { kind: "value", entry: line, section: line.section, offsetInValue: Math.max(0, offset - start) };
  }
  let lineStart = offset;
  while (lineStart > 0 && !"\n\r".includes(text[lineStart - 1]!)) lineStart--;
  return { kind: "line-start", section, prefix: text.slice(lineStart, offset).trimStart() };
}
