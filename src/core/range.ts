/** Half-open span of UTF-16 offsets into a source text: [start, end). */
export interface Range {
  start: number;
  end: number;
}

/** 1-based line and column; column counts UTF-16 code units from the line start. */
export interface Position {
  line: number;
  column: number;
}

export function range(start: number, end: number): Range {
  return { start, end };
}

export function shiftRange(r: Range, by: number): Range {
  return { start: r.start + by, end: r.end + by };
}
