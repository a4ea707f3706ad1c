import type { Position, Range } from "./range.js";

/**
 * How a file's lines end: `systemd` as systemd's read_line() ends them (\n,
 * \r, \r\n, \n\r, NUL), so reported line numbers agree with
 * `systemd-analyze verify`; `newline` at \n only, as cron reads a crontab (a
 * \r or NUL stays part of its line).
 */
export type LineEnds = "systemd" | "newline";

/** A source text with a lazily built line index. */
export class SourceText {
  private lineStarts: number[] | undefined;

  constructor(
    readonly path: string,
    readonly text: string,
    readonly lineEnds: LineEnds = "systemd",
  ) {}

  private starts(): number[] {
    if (this.lineStarts) return this.lineStarts;
    const starts = [0];
    const t = this.text;
    if (this.lineEnds === "newline") {
      for (let i = t.indexOf("\n"); i >= 0; i = t.indexOf("\n", i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
      return starts;
    }
    let i = 0;
    while (i < t.length) {
      // Most characters are above 13: test that before measuring a line ending.
      const c = t.charCodeAt(i);
      if (c > 13 || !isEolChar(c)) i++;
      else {
        i += eolLengthAt(t, i);
        starts.push(i);
      }
    }
    this.lineStarts = starts;
    return starts;
  }

  get lineCount(): number {
    return this.starts().length;
  }

  positionAt(offset: number): Position {
    const starts = this.starts();
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    const column = o - starts[lo]! + 1;
    // An offset inside a multi-character line ending (between \r and \n, or on
    // a NUL that closes the run) is shown at the end of its line, where editors put it.
    if (this.lineEnds === "systemd" && column > 1 && lo + 1 < starts.length && o > 0 && isEolChar(this.text.charCodeAt(o - 1))) {
      return { line: lo + 1, column: this.lineText(lo + 1).length + 1 };
    }
    return { line: lo + 1, column };
  }

  offsetAt(pos: Position): number {
    const starts = this.starts();
    const line = Math.max(1, Math.min(pos.line, starts.length));
    return Math.min(this.text.length, starts[line - 1]! + pos.column - 1);
  }

  /** The text of a 1-based line without its line ending. */
  lineText(line: number): string {
    const starts = this.starts();
    const s = starts[line - 1];
    if (s === undefined) return "";
    let e = starts[line] ?? this.text.length;
    if (this.lineEnds === "newline") {
      // Without its \n, and without a \r before that (cron keeps it, but it shows as part of the line end).
      if (line < starts.length) e--;
      if (e > s && this.text.charCodeAt(e - 1) === 13) e--;
    } else while (e > s && isEolChar(this.text.charCodeAt(e - 1))) e--;
    return this.text.slice(s, e);
  }

  slice(r: Range): string {
    return this.text.slice(r.start, r.end);
  }
}

export function isEolChar(code: number): boolean {
  return code === 10 || code === 13 || code === 0;
}

/**
 * Length of the line ending starting at `i`, 0 if none. systemd treats a run of
 * end-of-line characters as one line ending as long as no kind repeats, and a
 * NUL always closes the run (read_line_full() in src/basic/fileio.c).
 */
export function eolLengthAt(text: string, i: number): number {
  let seen = 0;
  let j = i;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    const bit = c === 0 ? 1 : c === 10 ? 2 : c === 13 ? 4 : 0;
    if (bit === 0 || seen & bit || seen & 1) break;
    seen |= bit;
    j++;
  }
  return j - i;
}
