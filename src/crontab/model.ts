import type { Range } from "../core/range.js";
import type { SourceText } from "../core/source.js";
import type { CronExpression, CronFieldName } from "./schedule.js";

/**
 * Which crontab(5) dialect a file is written in: a user crontab (`crontab -e`)
 * has no user field; `/etc/crontab` and `/etc/cron.d/*` name the user after
 * the schedule.
 */
export type CrontabFormat = "user" | "system";

/** A piece of text with its place in the file. */
export interface Spanned {
  text: string;
  range: Range;
}

interface LineBase {
  /** 1-based line number. */
  line: number;
  /** The line without its newline. */
  range: Range;
}

export interface BlankLine extends LineBase {
  kind: "blank";
}

export interface CommentLine extends LineBase {
  kind: "comment";
}

/** `NAME = VALUE`: cron sets it for the jobs below it (cronie's load_env()). */
export interface EnvLine extends LineBase {
  kind: "env";
  name: Spanned;
  /** The value as cron stores it: outer quotes removed, trailing blanks trimmed unless quoted. */
  value: Spanned;
}

export type ScheduleProblem = { message: string; range: Range; field?: CronFieldName };

export interface JobLine extends LineBase {
  /** Every line that is not blank, a comment or an assignment is read as a job (cronie's load_entry()). */
  kind: "job";
  /** From the first field (or the @macro) to the end of the day-of-week field. */
  schedule: Spanned;
  /** The parsed schedule, when it parses; `problem` says why not. */
  cron?: CronExpression;
  problem?: ScheduleProblem;
  /** cronie's '-' before the minute field: do not log the run to syslog. */
  noLog: boolean;
  /** The user field of the system format (absent in user crontabs, or when the line ends early). */
  user?: Spanned;
  /** The rest of the line, as cron hands it to the shell (before '%' handling); absent when missing. */
  command?: Spanned;
  /** Environment lines in force for this job, in file order (later ones win). */
  env: EnvLine[];
}

export type CrontabLine = BlankLine | CommentLine | EnvLine | JobLine;

export interface CrontabFile {
  kind: "crontab";
  path: string;
  source: SourceText;
  format: CrontabFormat;
  lines: CrontabLine[];
  /** The last line has text but no newline: cron never reads it (see crontab(5)). */
  unterminatedLastLine?: CrontabLine;
}
