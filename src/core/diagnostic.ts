import type { Range } from "./range.js";

export type Severity = "error" | "warning" | "info";
export type SeverityOrOff = Severity | "off";

/** Replace [start, end) of one file's text with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** A fix is safe when applying it cannot change what systemd does with the unit. */
export interface Fix {
  description: string;
  safe: boolean;
  /** The file the edits apply to; defaults to the finding's file. */
  file?: string;
  edits: TextEdit[];
}

interface RelatedLocation {
  file: string;
  range: Range;
  message: string;
}

/** A finding as produced by the engine: positions resolved, rule and severity stamped. */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  file: string;
  range: Range;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: Fix;
  /** Further fixes (e.g. alternative suggestions); only `fix` is applied by --fix. */
  suggestions?: Fix[];
  related?: ResolvedRelated[];
}

interface ResolvedRelated extends RelatedLocation {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}
