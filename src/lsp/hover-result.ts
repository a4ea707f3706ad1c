import type { Range } from "../core/range.js";

/** What a hover shows: markdown, and the range of the text it is about. */
export interface HoverResult {
  markdown: string;
  range: Range;
}
