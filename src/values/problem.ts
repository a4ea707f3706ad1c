/** Why a value is invalid, and which characters of it are wrong (offsets into the value). */
export interface ValueProblem {
  message: string;
  from: number;
  to: number;
  /** A replacement for the whole value when one is known (e.g. a cron line converted to OnCalendar= syntax). */
  replacement?: string;
  /** The real name closest to the bad part: replacing from..to with it is offered as a fix. */
  suggestion?: string;
  /** "warning" when systemd accepts the line but silently drops the part (an unknown capability name); an error otherwise. */
  severity?: "warning";
}

export const problemAt = (from: number, to: number, message: string): ValueProblem => ({ message, from, to });

/** ` (did you mean 'x'?)` when a close name is known, else "". */
export const didYouMean = (s: string | undefined): string => (s === undefined ? "" : ` (did you mean '${s}'?)`);

/** A problem with the closest real name appended as a did-you-mean and kept as a suggested replacement of its span. */
export const withSuggestion = (p: ValueProblem, near: string | undefined): ValueProblem =>
  near === undefined ? p : { ...p, message: p.message + didYouMean(near), suggestion: near };
