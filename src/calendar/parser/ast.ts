import type { Range } from "../../core/range.js";

/*
 * The calendar spec as written, with half-open UTF-16 ranges into the spec
 * string, so a finding can underline one field ("31" in "*-04-31").
 */

export interface ValueNode {
  range: Range;
  /** the digits before any decimal point */
  digits: string;
  /** the digits after the decimal point, if any */
  fraction?: string;
}

export interface ComponentNode {
  range: Range;
  start: ValueNode;
  stop?: ValueNode;
  repeat?: ValueNode;
}

export interface ChainNode {
  range: Range;
  star: boolean;
  components: ComponentNode[];
}

export type Separator = "-" | "~" | ":";

/** A run of chains joined by '-', '~' or ':' — a date or a time, decided later. */
export interface GroupNode {
  range: Range;
  chains: ChainNode[];
  separators: { kind: Separator; range: Range }[];
}

export interface WeekdayNode {
  range: Range;
  /** 0 = Monday … 6 = Sunday */
  day: number;
}

export interface WeekdayRunNode {
  range: Range;
  from: WeekdayNode;
  /** the separator of a range: ".." or the older "-" */
  rangeKind?: ".." | "-";
  to?: WeekdayNode;
}

export interface WeekdaysNode {
  range: Range;
  runs: WeekdayRunNode[];
  trailingComma: boolean;
}

/** The body: everything before the zone suffix, when it is not a shorthand. */
export interface CalendarBodyNode {
  range: Range;
  weekdays?: WeekdaysNode;
  timestamp?: { range: Range; text: string };
  groups: GroupNode[];
  /** spaces directly after each group (index-aligned with `groups`) */
  spaceAfter: boolean[];
}

type ZoneSuffixKind = "utc" | "local" | "iana";

export interface ZoneSuffixNode {
  kind: ZoneSuffixKind;
  /** as written */
  name: string;
  range: Range;
}

/** Named fields of a parsed spec, with where each was written. */
export interface CalendarFieldsNode {
  year?: ChainNode;
  month?: ChainNode;
  day?: ChainNode;
  hour?: ChainNode;
  minute?: ChainNode;
  second?: ChainNode;
}

export interface CalendarAst {
  text: string;
  shorthand?: { name: string; range: Range };
  body?: CalendarBodyNode;
  zone?: ZoneSuffixNode;
  fields: CalendarFieldsNode;
}
