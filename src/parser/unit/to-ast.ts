import type { IToken } from "chevrotain";
import type { Range } from "../../core/range.js";
import { eolLengthAt, isEolChar, type SourceText } from "../../core/source.js";
import { hasInvalidUtf8 } from "../../core/bytes.js";
import type { EntryNode, InvalidLineNode, LineNode, ParseProblem, SectionHeaderNode, SectionNode, Segment, UnitFileAst } from "./ast.js";

/** Shared by every line without comment lines inside it (nearly all); never written to. */
const NO_RANGES: Range[] = Object.freeze([]) as unknown as Range[];
const NO_INVALID: InvalidLineNode[] = Object.freeze([]) as unknown as InvalidLineNode[];

/** systemd's LONG_LINE_MAX: a longer physical line makes the whole file fail to load. */
export const LONG_LINE_MAX = 1024 * 1024;

const BOM = 0xfeff;

/** An odd run of trailing backslashes: the last one escapes the line end. */
function endsWithEscape(text: string, from: number, to: number): boolean {
  let n = 0;
  for (let i = to - 1; i >= from && text.charCodeAt(i) === 92; i--) n++;
  return n % 2 === 1;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Characters systemd's string_is_safe() refuses in a section name. */
function isUnsafeChar(c: number): boolean {
  return c < 32 || c === 127 || c === 34 || c === 39 || c === 92;
}

/**
 * The fields every line node has, gathered before its kind is known. Each
 * node copies them field by field into one object literal: built with an
 * object spread the tree took five times longer, with Object.assign a
 * quarter longer (bench/parse.mjs).
 */
interface Base {
  fullRange: Range;
  range: Range;
  firstLine: number;
  lastLine: number;
  logical: string;
  segments: Segment[];
  skippedComments: Range[];
  invalidUtf8: boolean;
  continuedAtEof: boolean;
}

/**
 * Builds the tree one logical line at a time, as the grammar hands the lines
 * over; decides what a line means from its joined text, as systemd does after
 * joining continuation lines (parse_line() in src/shared/conf-parser.c).
 */
export class AstBuilder {
  private readonly text: string;
  private readonly lines: LineNode[] = [];
  private readonly sections: SectionNode[] = [];
  private readonly preamble: (EntryNode | InvalidLineNode)[] = [];
  private bom: Range | null = null;
  private current: SectionNode | null = null;
  private physicalLine = 1;
  private readonly fileHasInvalidUtf8: boolean;

  constructor(
    private readonly source: SourceText,
    private readonly problems: ParseProblem[],
  ) {
    this.text = source.text;
    this.fileHasInvalidUtf8 = hasInvalidUtf8(this.text);
  }

  /**
   * systemd strips the first byte-order mark found at the start of a line
   * that is not a comment line, once per file. Returns where the line's
   * content starts.
   */
  private stripBom(start: number): number {
    if (this.bom === null && this.text.charCodeAt(start) === BOM) {
      this.bom = { start, end: start + 1 };
      return start + 1;
    }
    return start;
  }

  private checkLength(start: number, contentEnd: number): void {
    if (contentEnd - start > LONG_LINE_MAX - 1) {
      this.problems.push({
        code: "line-too-long",
        message: `line is longer than systemd's limit of ${LONG_LINE_MAX} bytes; systemd refuses to load the file`,
        range: { start, end: contentEnd },
        fatal: true,
      });
    }
  }

  /** A logical line that is one physical line (nearly all of them). */
  singleLine(token: IToken, comment: boolean): void {
    const text = this.text;
    const tokenStart = token.startOffset;
    const end = tokenStart + token.image.length;
    let contentEnd = end;
    while (contentEnd > tokenStart && isEolChar(text.charCodeAt(contentEnd - 1))) contentEnd--;
    // (a comment line never starts with a byte-order mark: it would not be a comment line for systemd)
    const start = comment ? tokenStart : this.stripBom(tokenStart);
    if (start === end) return this.lonelyBom(tokenStart);
    this.checkLength(start, contentEnd);
    let logical = text.slice(start, contentEnd);
    // Only a comment line can end in an escaping backslash here (any other such line
    // continues): systemd skips it whole, the tree shows it joined like any other.
    const escaped = comment && endsWithEscape(text, start, contentEnd);
    if (escaped) logical = logical.slice(0, -1) + " ";
    let a = 0;
    let b = logical.length;
    while (a < b && isBlank(logical.charCodeAt(a))) a++;
    while (b > a && isBlank(logical.charCodeAt(b - 1))) b--;
    const firstLine = this.physicalLine;
    if (end > contentEnd) this.physicalLine++;
    const base: Base = {
      fullRange: { start: tokenStart, end },
      range: a < b ? { start: start + a, end: start + b } : { start, end: start },
      firstLine,
      lastLine: firstLine,
      logical,
      segments: [{ logicalStart: 0, sourceStart: start, length: logical.length }],
      skippedComments: NO_RANGES,
      invalidUtf8: false,
      continuedAtEof: escaped && end === text.length,
    };
    if (base.continuedAtEof) this.continuedAtEof(contentEnd);
    this.classify(base, a, b, comment);
  }

  private continuedAtEof(contentEnd: number): void {
    this.problems.push({
      code: "continuation-at-eof",
      message: "the last line ends with a backslash, continuing into the end of the file",
      range: { start: contentEnd - 1, end: contentEnd },
      fatal: false,
    });
  }

  /** A file (or its last line) that is nothing but a byte-order mark. */
  private lonelyBom(at: number): void {
    const line = this.physicalLine;
    this.lines.push({
      kind: "blank",
      fullRange: { start: at, end: at + 1 },
      range: { start: at, end: at },
      firstLine: line,
      lastLine: line,
      logical: "",
      segments: [],
      skippedComments: NO_RANGES,
      invalidUtf8: false,
      continuedAtEof: false,
    });
  }

  /**
   * A logical line of several physical lines: `tokens` in file order, each
   * but the last ending in an escaping backslash, except comment lines
   * (`comments[i]`), which systemd skips.
   */
  joinedLine(tokens: IToken[], comments: boolean[]): void {
    const text = this.text;
    const fullStart = tokens[0]!.startOffset;
    const lastToken = tokens[tokens.length - 1]!;
    const fullEnd = lastToken.startOffset + lastToken.image.length;
    const firstLine = this.physicalLine;
    let logical = "";
    const segments: Segment[] = [];
    let skippedComments = NO_RANGES;
    let lastContentStart = fullStart;
    let lastContentEnd = fullStart;
    let lastEnd = fullStart;
    let lastHadEol = false;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      const tokenStart = t.startOffset;
      const end = tokenStart + t.image.length;
      let contentEnd = end;
      while (contentEnd > tokenStart && isEolChar(text.charCodeAt(contentEnd - 1))) contentEnd--;
      if (comments[i]) {
        if (skippedComments === NO_RANGES) skippedComments = [];
        skippedComments.push({ start: tokenStart, end: contentEnd });
      } else {
        const start = this.stripBom(tokenStart);
        // A byte-order mark alone at the end of the file adds nothing, not even a line.
        if (start === end) continue;
        this.checkLength(start, contentEnd);
        let piece = text.slice(start, contentEnd);
        // Join physical lines as systemd does: the escaping backslash becomes a space.
        if (endsWithEscape(text, start, contentEnd)) piece = piece.slice(0, -1) + " ";
        segments.push({ logicalStart: logical.length, sourceStart: start, length: piece.length });
        logical += piece;
        lastContentStart = start;
        lastContentEnd = contentEnd;
      }
      lastEnd = end;
      lastHadEol = end > contentEnd;
      if (lastHadEol) this.physicalLine++;
    }
    // A trailing backslash on the file's last line (with or without a final line ending) continues into nothing.
    const continuedAtEof = lastEnd === text.length && endsWithEscape(text, lastContentStart, lastContentEnd);
    if (continuedAtEof) this.continuedAtEof(lastContentEnd);
    let a = 0;
    let b = logical.length;
    while (a < b && isBlank(logical.charCodeAt(a))) a++;
    while (b > a && isBlank(logical.charCodeAt(b - 1))) b--;
    const blankAt = segments[0]!.sourceStart;
    const base: Base = {
      fullRange: { start: fullStart, end: fullEnd },
      range: a < b ? { start: mapOffset(segments, a), end: mapOffset(segments, b - 1) + 1 } : { start: blankAt, end: blankAt },
      firstLine,
      lastLine: this.physicalLine - (lastHadEol ? 1 : 0),
      logical,
      // (an array grown by push keeps spare room, and every line of every file checked stays in memory for the whole run)
      segments: segments.slice(),
      skippedComments,
      invalidUtf8: false,
      continuedAtEof,
    };
    this.classify(base, a, b, false);
  }

  /**
   * What the logical line is, from its text stripped to [a, b). Whether it is
   * a comment was decided on its first physical line, before joining: systemd
   * does not look for comments after that, so a line that only starts with `#`
   * once a byte-order mark is stripped is an assignment (or a line missing `=`).
   */
  private classify(base: Base, a: number, b: number, comment: boolean): void {
    const logical = base.logical;
    if (a === b) {
      this.lines.push({
        fullRange: base.fullRange,
        range: base.range,
        firstLine: base.firstLine,
        lastLine: base.lastLine,
        logical: base.logical,
        segments: base.segments,
        skippedComments: base.skippedComments,
        invalidUtf8: base.invalidUtf8,
        continuedAtEof: base.continuedAtEof,
        kind: "blank",
      });
      return;
    }
    if (comment) {
      this.lines.push({
        fullRange: base.fullRange,
        range: base.range,
        firstLine: base.firstLine,
        lastLine: base.lastLine,
        logical: base.logical,
        segments: base.segments,
        skippedComments: base.skippedComments,
        invalidUtf8: base.invalidUtf8,
        continuedAtEof: base.continuedAtEof,
        kind: "comment",
        text: logical.slice(a, b),
      });
      return;
    }
    const stripped = logical.slice(a, b);
    // systemd checks UTF-8 validity after comments and before anything else.
    if (this.fileHasInvalidUtf8 && hasInvalidUtf8(stripped)) {
      base.invalidUtf8 = true;
      this.problems.push({
        code: "invalid-utf8",
        message: "line is not valid UTF-8; systemd refuses to load the file",
        range: base.range,
        fatal: true,
      });
    }
    if (stripped.charCodeAt(0) === 91) {
      this.sectionHeader(base, stripped, a);
      return;
    }
    const current = this.current;
    const sectionName = current ? current.name : null;
    const sectionIndex = current ? current.index : -1;
    const eq = stripped.indexOf("=");
    let node: EntryNode | InvalidLineNode;
    if (eq <= 0) {
      const include = stripped.startsWith(".include ") || stripped === ".include";
      const problem: InvalidLineNode["problem"] = include ? "include" : eq === 0 ? "missing-key" : "missing-equals";
      node = {
        fullRange: base.fullRange,
        range: base.range,
        firstLine: base.firstLine,
        lastLine: base.lastLine,
        logical: base.logical,
        segments: base.segments,
        skippedComments: base.skippedComments,
        invalidUtf8: base.invalidUtf8,
        continuedAtEof: base.continuedAtEof,
        kind: "invalid",
        problem,
        section: sectionName,
        sectionIndex,
      };
      if (current) {
        this.problems.push({
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
      node = entryNode(base, stripped, a, eq, sectionName, sectionIndex);
    }
    if (!current) {
      this.problems.push({
        code: "assignment-outside-section",
        message: "assignment outside of any section; systemd ignores it",
        range: base.range,
        fatal: false,
      });
      this.preamble.push(node);
    } else {
      if (node.kind === "entry") current.entries.push(node);
      else current.invalid.push(node);
      current.fullRange.end = base.fullRange.end;
    }
    this.lines.push(node);
  }

  private sectionHeader(base: Base, stripped: string, a: number): void {
    const segments = base.segments;
    const closed = stripped.length >= 2 && stripped.endsWith("]");
    const name = closed ? stripped.slice(1, -1) : stripped.slice(1);
    const nameStart = a + 1;
    const nameRange =
      name.length > 0
        ? { start: mapOffset(segments, nameStart), end: mapOffset(segments, nameStart + name.length - 1) + 1 }
        : { start: mapOffset(segments, a) + 1, end: mapOffset(segments, a) + 1 };
    const header: SectionHeaderNode = {
      fullRange: base.fullRange,
      range: base.range,
      firstLine: base.firstLine,
      lastLine: base.lastLine,
      logical: base.logical,
      segments: base.segments,
      skippedComments: base.skippedComments,
      invalidUtf8: base.invalidUtf8,
      continuedAtEof: base.continuedAtEof,
      kind: "section-header",
      name,
      nameRange,
    };
    if (!closed) {
      header.problem = "unterminated";
      this.problems.push({
        code: "invalid-section-header",
        message: `invalid section header '${stripped}': it must end with ']'; systemd refuses to load the file`,
        range: base.range,
        fatal: true,
      });
    } else {
      for (let i = 0; i < name.length; i++) {
        if (isUnsafeChar(name.charCodeAt(i))) {
          header.problem = "bad-characters";
          const at = mapOffset(segments, nameStart + i);
          this.problems.push({
            code: "section-header-bad-characters",
            message: `bad character in section header '${stripped}'; systemd refuses to load the file`,
            range: { start: at, end: at + 1 },
            fatal: true,
          });
          break;
        }
      }
    }
    this.lines.push(header);
    const section: SectionNode = {
      name,
      header,
      index: this.sections.length,
      entries: [],
      invalid: [],
      fullRange: { start: base.fullRange.start, end: base.fullRange.end },
    };
    this.sections.push(section);
    this.current = section;
  }

  finish(): UnitFileAst {
    const text = this.text;
    // Arrays grown by push keep spare room; the tree stays in memory for the whole run.
    for (const sec of this.sections) {
      sec.entries = sec.entries.slice();
      sec.invalid = sec.invalid.length ? sec.invalid.slice() : NO_INVALID;
    }
    const missingFinalNewline = text.length > 0 && eolLengthAt(text, text.length - 1) === 0 && !isEolChar(text.charCodeAt(text.length - 1));
    return { source: this.source, bom: this.bom, lines: this.lines, sections: this.sections, preamble: this.preamble, missingFinalNewline };
  }
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

function entryNode(base: Base, stripped: string, a: number, eq: number, section: string | null, sectionIndex: number): EntryNode {
  const segments = base.segments;
  let ke = eq;
  while (ke > 0 && isBlank(stripped.charCodeAt(ke - 1))) ke--;
  const key = stripped.slice(0, ke);
  let vs = eq + 1;
  while (vs < stripped.length && isBlank(stripped.charCodeAt(vs))) vs++;
  const value = stripped.slice(vs);
  const valueLogicalStart = a + vs;
  const equalsOffset = mapOffset(segments, a + eq);
  const valueRange =
    value.length > 0
      ? { start: mapOffset(segments, valueLogicalStart), end: mapOffset(segments, valueLogicalStart + value.length - 1) + 1 }
      : { start: equalsOffset + 1, end: equalsOffset + 1 };
  return {
    fullRange: base.fullRange,
    range: base.range,
    firstLine: base.firstLine,
    lastLine: base.lastLine,
    logical: base.logical,
    segments: base.segments,
    skippedComments: base.skippedComments,
    invalidUtf8: base.invalidUtf8,
    continuedAtEof: base.continuedAtEof,
    kind: "entry",
    key,
    keyRange: { start: mapOffset(segments, a), end: mapOffset(segments, a + ke - 1) + 1 },
    value,
    valueRange,
    valueLogicalStart,
    equalsOffset,
    section,
    sectionIndex,
  };
}
