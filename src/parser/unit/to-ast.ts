import type { CstNode, IToken } from "chevrotain";
import type { Range } from "../../core/range.js";
import { eolLengthAt, isEolChar, type SourceText } from "../../core/source.js";
import { hasInvalidUtf8 } from "../../core/bytes.js";
import { endsWithEscape } from "./tokens.js";
import type {
  EntryNode,
  InvalidLineNode,
  LineNode,
  ParseProblem,
  SectionHeaderNode,
  SectionNode,
  Segment,
  UnitFileAst,
} from "./ast.js";

/** Shared by every line without comment lines inside it (nearly all); never written to. */
const NO_RANGES: Range[] = Object.freeze([]) as unknown as Range[];
const NO_INVALID: InvalidLineNode[] = Object.freeze([]) as unknown as InvalidLineNode[];

/** systemd's LONG_LINE_MAX: a longer physical line makes the whole file fail to load. */
export const LONG_LINE_MAX = 1024 * 1024;

interface Piece {
  start: number;
  contentEnd: number;
  end: number;
  comment: boolean;
}

function pieceOf(t: IToken): Piece {
  const start = t.startOffset;
  const image = t.image;
  let contentEnd = start + image.length;
  while (contentEnd > start && isEolChar(image.charCodeAt(contentEnd - start - 1))) contentEnd--;
  return { start, contentEnd, end: start + image.length, comment: t.tokenType.name === "ContinuationComment" };
}

function tokenPieces(node: CstNode): { pieces: Piece[]; bom: IToken | undefined } {
  // Most logical lines are one physical line: skip the general merge below.
  const keys = Object.keys(node.children);
  if (keys.length === 1) {
    const list = node.children[keys[0]!] as IToken[];
    if (list.length === 1 && keys[0] !== "Bom" && keys[0] !== "ContinuationBom") return { pieces: [pieceOf(list[0]!)], bom: undefined };
  }
  const tokens: IToken[] = [];
  let bom: IToken | undefined;
  for (const [name, list] of Object.entries(node.children)) {
    for (const t of list as IToken[]) {
      if (name === "Bom" || name === "ContinuationBom") bom = t;
      else tokens.push(t);
    }
  }
  tokens.sort((a, b) => a.startOffset - b.startOffset);
  return { pieces: tokens.map(pieceOf), bom };
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Characters systemd's string_is_safe() refuses in a section name. */
function isUnsafeChar(c: number): boolean {
  return c < 32 || c === 127 || c === 34 || c === 39 || c === 92;
}

export function buildAst(cst: CstNode, source: SourceText, problems: ParseProblem[]): UnitFileAst {
  const text = source.text;
  const lines: LineNode[] = [];
  const sections: SectionNode[] = [];
  const preamble: (EntryNode | InvalidLineNode)[] = [];
  let bomRange: Range | null = null;
  let current: SectionNode | null = null;
  let physicalLine = 1;
  const fileHasInvalidUtf8 = hasInvalidUtf8(text);

  const logicalLines = (cst.children["logicalLine"] ?? []) as CstNode[];
  for (const ll of logicalLines) {
    const { pieces, bom } = tokenPieces(ll);
    if (bom) bomRange = { start: bom.startOffset, end: bom.startOffset + 1 };
    const content = pieces.length === 1 ? pieces : pieces.filter((p) => !p.comment);
    const skippedComments = content.length === pieces.length ? NO_RANGES : pieces.filter((p) => p.comment).map((p) => ({ start: p.start, end: p.contentEnd }));

    // Join physical lines as systemd does: the escaping backslash becomes a space.
    // (map, not push: an array grown by push keeps room for 17 entries, and
    // every line of every file checked stays in memory for the whole run)
    let logical = "";
    const segments: Segment[] = content.map((p, i) => {
      let piece = text.slice(p.start, p.contentEnd);
      const continues = i < content.length - 1 || endsWithEscape(text, p.start, p.contentEnd);
      if (continues && piece.endsWith("\\")) piece = piece.slice(0, -1) + " ";
      const segment = { logicalStart: logical.length, sourceStart: p.start, length: piece.length };
      logical += piece;
      if (p.contentEnd - p.start > LONG_LINE_MAX - 1) {
        problems.push({
          code: "line-too-long",
          message: `line is longer than systemd's limit of ${LONG_LINE_MAX} bytes; systemd refuses to load the file`,
          range: { start: p.start, end: p.contentEnd },
          fatal: true,
        });
      }
      return segment;
    });
    const last = content[content.length - 1]!;
    const fullStart = bom ? Math.min(bom.startOffset, pieces[0]!.start) : pieces[0]!.start;
    const fullEnd = Math.max(pieces[pieces.length - 1]!.end, bom ? bom.startOffset + 1 : 0);
    // A trailing backslash on the file's last line (with or without a final line ending) continues into nothing.
    const continuedAtEof =
      pieces[pieces.length - 1]!.end === text.length && endsWithEscape(text, last.start, last.contentEnd);

    const toSource = (i: number): number => mapOffset(segments, i);
    let a = 0;
    let b = logical.length;
    while (a < b && isBlank(logical.charCodeAt(a))) a++;
    while (b > a && isBlank(logical.charCodeAt(b - 1))) b--;
    const firstLine = physicalLine;
    const lastPiece = pieces[pieces.length - 1]!;
    for (const p of pieces) physicalLine += p.end > p.contentEnd ? 1 : 0;
    const lastLine = physicalLine - (lastPiece.end > lastPiece.contentEnd ? 1 : 0);
    const stripped = logical.slice(a, b);
    const base = {
      fullRange: { start: fullStart, end: fullEnd },
      range: a < b ? { start: toSource(a), end: toSource(b - 1) + 1 } : { start: pieces[0]!.start, end: pieces[0]!.start },
      firstLine,
      lastLine,
      logical,
      segments,
      skippedComments,
      invalidUtf8: false,
      continuedAtEof,
    };
    if (continuedAtEof) {
      problems.push({
        code: "continuation-at-eof",
        message: "the last line ends with a backslash, continuing into the end of the file",
        range: { start: last.contentEnd - 1, end: last.contentEnd },
        fatal: false,
      });
    }

    if (stripped.length === 0) {
      lines.push(Object.assign(base, { kind: "blank" as const }));
      continue;
    }
    const c0 = stripped.charCodeAt(0);
    if (c0 === 35 || c0 === 59) {
      lines.push(Object.assign(base, { kind: "comment" as const, text: stripped }));
      continue;
    }
    // systemd checks UTF-8 validity after comments and before anything else.
    if (fileHasInvalidUtf8 && hasInvalidUtf8(stripped)) {
      base.invalidUtf8 = true;
      problems.push({
        code: "invalid-utf8",
        message: "line is not valid UTF-8; systemd refuses to load the file",
        range: base.range,
        fatal: true,
      });
    }
    if (c0 === 91) {
      const header = sectionHeader(base, stripped, a, toSource, problems);
      lines.push(header);
      current = {
        name: header.name,
        header,
        index: sections.length,
        entries: [],
        invalid: [],
        fullRange: { start: base.fullRange.start, end: base.fullRange.end },
      };
      sections.push(current);
      continue;
    }
    const sectionName = current ? current.name : null;
    const sectionIndex = current ? current.index : -1;
    const eq = stripped.indexOf("=");
    let node: EntryNode | InvalidLineNode;
    if (eq <= 0) {
      const include = stripped.startsWith(".include ") || stripped === ".include";
      const problem: InvalidLineNode["problem"] = include ? "include" : eq === 0 ? "missing-key" : "missing-equals";
      node = Object.assign(base, { kind: "invalid" as const, problem, section: sectionName, sectionIndex });
      if (current) {
        problems.push({
          code: include ? "include-directive" : (problem as "missing-key" | "missing-equals"),
          message: include
            ? "'.include' is no longer supported; systemd ignores this line"
            : problem === "missing-key"
              ? "missing key name before '='; systemd ignores this line"
              : "missing '='; systemd ignores this line",
          range: base.range,
          fatal: false,
        });
      }
    } else {
      node = entryNode(base, stripped, a, eq, toSource, sectionName, sectionIndex);
    }
    if (!current) {
      problems.push({
        code: "assignment-outside-section",
        message: "assignment outside of any section; systemd ignores it",
        range: base.range,
        fatal: false,
      });
      preamble.push(node);
    } else if (node.kind === "entry") current.entries.push(node);
    else current.invalid.push(node);
    if (current) current.fullRange.end = base.fullRange.end;
    lines.push(node);
  }

  const trailingBom = (cst.children["Bom"] ?? []) as IToken[];
  for (const t of trailingBom) {
    // A file (or its last line) that is nothing but a byte-order mark.
    bomRange = { start: t.startOffset, end: t.startOffset + 1 };
    const at = { start: t.startOffset, end: t.startOffset };
    const line = physicalLine;
    lines.push({ kind: "blank", fullRange: { ...bomRange }, range: at, firstLine: line, lastLine: line, logical: "", segments: [], skippedComments: NO_RANGES, invalidUtf8: false, continuedAtEof: false });
  }

  // Arrays grown by push keep spare room; the tree stays in memory for the whole run.
  for (const sec of sections) {
    sec.entries = sec.entries.slice();
    sec.invalid = sec.invalid.length ? sec.invalid.slice() : NO_INVALID;
  }

  const missingFinalNewline = text.length > 0 && eolLengthAt(text, text.length - 1) === 0 && !isEolChar(text.charCodeAt(text.length - 1));
  return { source, bom: bomRange, lines, sections, preamble, missingFinalNewline };
}

function mapOffset(segments: Segment[], i: number): number {
  if (segments.length === 1) {
    const s = segments[0]!;
    return s.sourceStart + Math.min(i, s.length);
  }
  for (let k = segments.length - 1; k >= 0; k--) {
    const s = segments[k]!;
    if (i >= s.logicalStart) return s.sourceStart + Math.min(i - s.logicalStart, s.length);
  }
  return segments[0] ? segments[0].sourceStart : 0;
}

/** Map a range of the logical text to a source range (end is exclusive). */
export function logicalToSource(segments: Segment[], start: number, end: number): Range {
  const s = mapOffset(segments, start);
  if (end <= start) return { start: s, end: s };
  return { start: s, end: mapOffset(segments, end - 1) + 1 };
}

type Base = Omit<SectionHeaderNode, "kind" | "name" | "nameRange" | "problem">;

function sectionHeader(
  base: Base,
  stripped: string,
  a: number,
  toSource: (i: number) => number,
  problems: ParseProblem[],
): SectionHeaderNode {
  const closed = stripped.length >= 2 && stripped.endsWith("]");
  const name = closed ? stripped.slice(1, -1) : stripped.slice(1);
  const nameStart = a + 1;
  const nameRange =
    name.length > 0 ? { start: toSource(nameStart), end: toSource(nameStart + name.length - 1) + 1 } : { start: toSource(a) + 1, end: toSource(a) + 1 };
  const node: SectionHeaderNode = Object.assign(base, { kind: "section-header" as const, name, nameRange });
  if (!closed) {
    node.problem = "unterminated";
    problems.push({
      code: "invalid-section-header",
      message: `invalid section header '${stripped}': it must end with ']'; systemd refuses to load the file`,
      range: base.range,
      fatal: true,
    });
  } else {
    for (let i = 0; i < name.length; i++) {
      if (isUnsafeChar(name.charCodeAt(i))) {
        node.problem = "bad-characters";
        const at = toSource(nameStart + i);
        problems.push({
          code: "section-header-bad-characters",
          message: `bad character in section header '${stripped}'; systemd refuses to load the file`,
          range: { start: at, end: at + 1 },
          fatal: true,
        });
        break;
      }
    }
  }
  return node;
}

function entryNode(
  base: Base,
  stripped: string,
  a: number,
  eq: number,
  toSource: (i: number) => number,
  section: string | null,
  sectionIndex: number,
): EntryNode {
  const rawKey = stripped.slice(0, eq);
  let ke = rawKey.length;
  while (ke > 0 && isBlank(rawKey.charCodeAt(ke - 1))) ke--;
  const key = rawKey.slice(0, ke);
  const rawValue = stripped.slice(eq + 1);
  let vs = 0;
  while (vs < rawValue.length && isBlank(rawValue.charCodeAt(vs))) vs++;
  const value = rawValue.slice(vs);
  const valueLogicalStart = a + eq + 1 + vs;
  const equalsOffset = toSource(a + eq);
  const valueRange =
    value.length > 0
      ? { start: toSource(valueLogicalStart), end: toSource(valueLogicalStart + value.length - 1) + 1 }
      : { start: equalsOffset + 1, end: equalsOffset + 1 };
  // Extend the line object in place: copying it with a spread is slow for every line of every file.
  return Object.assign(base, {
    kind: "entry" as const,
    key,
    keyRange: { start: toSource(a), end: toSource(a + ke - 1) + 1 },
    value,
    valueRange,
    valueLogicalStart,
    equalsOffset,
    section,
    sectionIndex,
  });
}
