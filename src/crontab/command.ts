import type { Range } from "../core/range.js";
import type { Spanned } from "./model.js";

export interface CronCommand {
  /** What the shell runs: the text before the first unescaped '%', with `\%` turned into '%'. */
  command: string;
  /** What cron writes to the command's standard input (after the first '%'; later '%' become newlines), if anything. */
  stdin?: string;
  /** File ranges of the unescaped '%' signs. */
  percents: Range[];
}

/**
 * crontab(5): "Percent-signs (%) in the command, unless escaped with a
 * backslash, will be changed into newline characters, and all data after the
 * first % will be sent to the command as standard input." A backslash before
 * '%' is removed; other backslashes are left for the shell.
 */
export function splitCommand(cmd: Spanned): CronCommand {
  const percents: Range[] = [];
  let command = "";
  let stdin: string | undefined;
  const t = cmd.text;
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (c === "\\" && t[i + 1] === "%") {
      if (stdin === undefined) command += "%";
      else stdin += "%";
      i++;
      continue;
    }
    if (c === "%") {
      percents.push({ start: cmd.range.start + i, end: cmd.range.start + i + 1 });
      if (stdin === undefined) stdin = "";
      else stdin += "\n";
      continue;
    }
    if (stdin === undefined) command += c;
    else stdin += c;
  }
  const out: CronCommand = { command, percents };
  if (stdin !== undefined) out.stdin = stdin;
  return out;
}
