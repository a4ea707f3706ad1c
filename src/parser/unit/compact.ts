import type { Range } from "../../core/range.js";
import { isEolChar } from "../../core/source.js";
import type { EntryNode, LineNode, SectionHeaderNode, Segment, UnitFileAst } from "./ast.js";

const NO_RANGES: Range[] = Object.freeze([]) as unknown as Range[];

/**
 * One copy of each short key, section name and value kept (`Description`,
 * `Service`, `yes`, `network.target`): the same few hundred strings recur in
 * every file, each a copy of its own otherwise. Bounded, for long-running
 * callers; longer values are mostly unique and are kept as they are.
 */
const pool = new Map<string, string>();
const POOL_MAX = 50_000;
const POOLED_LENGTH = 40;

function shared(s: string): string {
  if (s.length > POOLED_LENGTH) return s;
  const hit = pool.get(s);
  if (hit !== undefined) return hit;
  if (pool.size < POOL_MAX) pool.set(s, s);
  return s;
}

/** What a compact node on one physical line keeps of any line node, and the ranges it makes from that when read. */
abstract class OneLine {
  readonly firstLine: number;
  readonly invalidUtf8: boolean;
  protected readonly text: string;
  protected readonly fullStart: number;
  protected readonly fullEnd: number;
  /** Where the logical text starts: the line's start, or after a byte-order mark there. */
  protected readonly logicalAt: number;
  protected readonly start: number;
  protected readonly end: number;

  constructor(n: EntryNode | SectionHeaderNode, text: string) {
    this.firstLine = n.firstLine;
    this.invalidUtf8 = n.invalidUtf8;
    this.text = text;
    this.fullStart = n.fullRange.start;
    this.fullEnd = n.fullRange.end;
    this.logicalAt = n.segments[0]!.sourceStart;
    this.start = n.range.start;
    this.end = n.range.end;
  }

  get lastLine(): number {
    return this.firstLine;
  }
  get continuedAtEof(): boolean {
    return false;
  }
  get skippedComments(): Range[] {
    return NO_RANGES;
  }
  get fullRange(): Range {
    return { start: this.fullStart, end: this.fullEnd };
  }
  get range(): Range {
    return { start: this.start, end: this.end };
  }
}

/**
 * An assignment on one physical line (nearly all of them), in a fraction of
 * the memory of the node the parser builds: a few offsets as plain numbers,
 * from which its ranges, segment and logical text are made when read (each
 * read gives a new range object, equal to the parser's). Built only where it
 * reads exactly as the parser's node (see `compactEntry`).
 */
class OneLineEntry extends OneLine implements EntryNode {
  readonly key: string;
  readonly value: string;
  readonly section: string | null;
  readonly sectionIndex: number;
  readonly valueLogicalStart: number;
  readonly equalsOffset: number;

  constructor(e: EntryNode, text: string) {
    super(e, text);
    this.key = shared(e.key);
    this.value = shared(e.value);
    this.section = e.section === null ? null : shared(e.section);
    this.sectionIndex = e.sectionIndex;
    this.valueLogicalStart = e.valueLogicalStart;
    this.equalsOffset = e.equalsOffset;
  }

  get kind(): "entry" {
    return "entry";
  }
  get keyRange(): Range {
    return { start: this.start, end: this.start + this.key.length };
  }
  get valueRange(): Range {
    if (this.value.length === 0) return { start: this.equalsOffset + 1, end: this.equalsOffset + 1 };
    const start = this.logicalAt + this.valueLogicalStart;
    return { start, end: start + this.value.length };
  }
  /** The line without its line ending, from `logicalAt`. */
  private get logicalEnd(): number {
    let e = this.fullEnd;
    while (e > this.logicalAt && isEolChar(this.text.charCodeAt(e - 1))) e--;
    return e;
  }
  get logical(): string {
    return this.text.slice(this.logicalAt, this.logicalEnd);
  }
  get segments(): Segment[] {
    return [{ logicalStart: 0, sourceStart: this.logicalAt, length: this.logicalEnd - this.logicalAt }];
  }
}

const sameRange = (a: Range, b: Range) => a.start === b.start && a.end === b.end;

/** `e` in its compact form, if that reads exactly as `e` does (else `e` itself). */
function compactEntry(e: EntryNode, text: string): EntryNode {
  if (!fitsOneLine(e, text)) return e;
  const c = new OneLineEntry(e, text);
  const seg = e.segments[0]!;
  const same =
    c.logical === e.logical &&
    c.segments[0]!.length === seg.length &&
    sameRange(c.keyRange, e.keyRange) &&
    sameRange(c.valueRange, e.valueRange) &&
    c.key === e.key &&
    c.value === e.value;
  return same ? c : e;
}

/** A section header on one physical line that systemd accepts, compact as OneLineEntry is. */
class OneLineHeader extends OneLine implements SectionHeaderNode {
  readonly kind = "section-header" as const;
  readonly name: string;
  private readonly nameStart: number;
  private readonly nameEnd: number;
  private readonly logicalLength: number;

  constructor(h: SectionHeaderNode, text: string) {
    super(h, text);
    this.name = shared(h.name);
    this.nameStart = h.nameRange.start;
    this.nameEnd = h.nameRange.end;
    this.logicalLength = h.segments[0]!.length;
  }

  get nameRange(): Range {
    return { start: this.nameStart, end: this.nameEnd };
  }
  get logical(): string {
    return this.text.slice(this.logicalAt, this.logicalAt + this.logicalLength);
  }
  get segments(): Segment[] {
    return [{ logicalStart: 0, sourceStart: this.logicalAt, length: this.logicalLength }];
  }
}

/** Whether the compact form reads exactly as `e`: one line, one segment from the line's start, no comments inside. */
function fitsOneLine(e: EntryNode | SectionHeaderNode, text: string): boolean {
  const seg = e.segments[0];
  return (
    e.segments.length === 1 &&
    seg !== undefined &&
    seg.logicalStart === 0 &&
    e.firstLine === e.lastLine &&
    !e.continuedAtEof &&
    e.skippedComments.length === 0 &&
    text.slice(seg.sourceStart, seg.sourceStart + seg.length) === e.logical
  );
}

/**
 * The tree of a file whose own rules have run, kept for the unit and set
 * rules: comment and blank lines dropped (those rules never read them), and
 * one-line assignments in their compact form. The tree no longer tiles its
 * file (`printUnitFile` needs whole trees): for `check`, which keeps every
 * file of a run until its set rules have run, not for callers that print or
 * edit trees.
 */
export function compactTree(ast: UnitFileAst): void {
  const text = ast.source.text;
  const swapped = new Map<LineNode, LineNode>();
  const compact = <T extends LineNode>(line: T): T => {
    let c = swapped.get(line);
    if (c) return c as T;
    if (line.kind === "entry") c = compactEntry(line, text);
    else if (line.kind === "section-header" && line.problem === undefined && fitsOneLine(line, text)) c = new OneLineHeader(line, text);
    else return line;
    swapped.set(line, c);
    return c as T;
  };
  ast.lines = ast.lines.filter((l) => l.kind !== "comment" && l.kind !== "blank").map(compact);
  ast.preamble = ast.preamble.map(compact);
  for (const s of ast.sections) {
    s.name = shared(s.name);
    s.header = compact(s.header);
    s.entries = s.entries.map(compact);
  }
}
