import type { Range } from "../../core/range.js";
import type { SourceText } from "../../core/source.js";

/** A piece of a logical value: logical offsets [valueStart, valueStart+length) map to source offsets from sourceStart. */
export interface Segment {
  logicalStart: number;
  sourceStart: number;
  length: number;
}

interface LineBase {
  /** The logical line's raw extent, continuation lines and final line ending included; lines tile the file. */
  fullRange: Range;
  /** From the first to the last non-blank character of the logical line (line endings excluded). */
  range: Range;
  /** 1-based physical line of the first character, and the last physical line (systemd reports the last). */
  firstLine: number;
  lastLine: number;
  /** The logical text after joining continuations, as systemd sees it (not stripped). */
  logical: string;
  segments: Segment[];
  /** Physical lines skipped as comments inside a continuation. */
  skippedComments: Range[];
  /** Escaped invalid UTF-8 bytes in the logical text (see core/bytes.ts). */
  invalidUtf8: boolean;
  /** The logical line ended in a backslash at end of file. */
  continuedAtEof: boolean;
}

interface BlankLineNode extends LineBase {
  kind: "blank";
}

interface CommentNode extends LineBase {
  kind: "comment";
  text: string;
}

export interface SectionHeaderNode extends LineBase {
  kind: "section-header";
  name: string;
  nameRange: Range;
  /** Why systemd refuses this header (it then fails to load the whole file), if it does. */
  problem?: "unterminated" | "bad-characters";
}

export interface EntryNode extends LineBase {
  kind: "entry";
  key: string;
  keyRange: Range;
  value: string;
  /** Source extent of the stripped value; empty range right after `=` for an empty value. */
  valueRange: Range;
  /** Offset of the stripped value within `logical`, to map sub-ranges of the value. */
  valueLogicalStart: number;
  equalsOffset: number;
  /** Name of the section the entry is in, null before any section header. */
  section: string | null;
  sectionIndex: number;
}

export interface InvalidLineNode extends LineBase {
  kind: "invalid";
  problem: "missing-equals" | "missing-key" | "include";
  section: string | null;
  sectionIndex: number;
}

export type LineNode = BlankLineNode | CommentNode | SectionHeaderNode | EntryNode | InvalidLineNode;

export interface SectionNode {
  name: string;
  header: SectionHeaderNode;
  /** Index in UnitFileAst.sections. */
  index: number;
  entries: EntryNode[];
  invalid: InvalidLineNode[];
  /** From the header to the end of the section's last line (line ending included). */
  fullRange: Range;
}

export interface UnitFileAst {
  source: SourceText;
  bom: Range | null;
  lines: LineNode[];
  sections: SectionNode[];
  /** Assignments and other lines before the first section header. */
  preamble: (EntryNode | InvalidLineNode)[];
  /** The file has no final line ending. */
  missingFinalNewline: boolean;
}

export type ParseProblemCode =
  | "invalid-section-header"
  | "section-header-bad-characters"
  | "missing-equals"
  | "missing-key"
  | "include-directive"
  | "assignment-outside-section"
  | "continuation-at-eof"
  | "invalid-utf8"
  | "line-too-long";

export interface ParseProblem {
  code: ParseProblemCode;
  message: string;
  range: Range;
  /** systemd refuses to load a file with this problem. */
  fatal: boolean;
}
