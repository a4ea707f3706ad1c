import { splitWords, type Word } from "../words.js";
import { BoundedMap } from "../../core/bounded-map.js";

/** A word of the command line; offsets are into the whole value. */
export type ExecWord = Word;

/**
 * An `ExecStart=`-style command line (systemd.service(5) "Command lines"):
 * optional prefixes, then words split like systemd's extract_first_word()
 * with quote removal. Offsets are into the setting's value.
 */
interface ExecCommand {
  /** `-`, `@`, `:`, `+`, `!`, `!!` in the order written. */
  prefixes: string[];
  prefixEnd: number;
  /** argv[0] as written (after `@`, argv[0] is the second word). */
  words: ExecWord[];
  /** Offset of an opening quote that is never closed. */
  unterminatedQuote?: number;
}

/**
 * The prefixes as systemd 252's config_parse_exec() takes them: `-`, `@` and `:` once each, then one of `+`, `!` or
 * `!!` (a second `!` turns `!` into `!!`); anything else, a repeated prefix included, starts the program name.
 */
export function parsePrefixes(value: string): { prefixes: string[]; end: number } {
  const prefixes: string[] = [];
  let i = 0;
  for (; i < value.length; i++) {
    const c = value[i]!;
    const privileged = prefixes.find((p) => p === "+" || p === "!" || p === "!!");
    if ((c === "-" || c === "@" || c === ":") && !prefixes.includes(c)) prefixes.push(c);
    else if ((c === "+" || c === "!") && privileged === undefined) prefixes.push(c);
    else if (c === "!" && privileged === "!") prefixes[prefixes.indexOf("!")] = "!!";
    else break;
  }
  return { prefixes, end: i };
}

/** One command (the whole value; see splitExecCommands for lines that hold several). */
export function parseExec(value: string): ExecCommand {
  const { prefixes, end: i } = parsePrefixes(value);
  // The words after the prefixes, split the way systemd splits every list value.
  const { words: raw, unterminated } = splitWords(value.slice(i));
  const words: ExecWord[] = raw.map((w) => ({ ...w, from: w.from + i, to: w.to + i }));
  if (unterminated !== undefined) return { prefixes, prefixEnd: i, words, unterminatedQuote: unterminated + i };
  return { prefixes, prefixEnd: i, words };
}

/** A parsed command shared by every reader of the same value: read it, never change it. */
export interface SharedExecCommand {
  readonly prefixes: readonly string[];
  readonly prefixEnd: number;
  readonly words: readonly Readonly<ExecWord>[];
  readonly unterminatedQuote?: number;
}

/** Enough for the distinct command lines of a large run's units; past it the oldest are forgotten. */
const PARSED_LIMIT = 8192;

/** `parse` remembered per value, for results every reader shares (read them, never change them). */
function remembered<T>(parse: (value: string) => T): (value: string) => T {
  const memo = new BoundedMap<string, T>(PARSED_LIMIT);
  return (value) => {
    let r = memo.get(value);
    if (r === undefined) memo.set(value, (r = parse(value)));
    return r;
  };
}

/**
 * parseExec for the rules: the ten rules that read command lines parse each distinct value once per process (the
 * same `ExecStart=` used to be parsed by each of them), so the result is shared and typed read-only.
 */
export const execCommandOf: (value: string) => SharedExecCommand = remembered(parseExec);

/** The executable word (argv[0] is the next word when the `@` prefix is used). */
export function executable(cmd: ExecCommand): ExecWord | undefined {
  return cmd.words[0];
}

/** Settings that take command lines. */
export const EXEC_KEYS = ["ExecStart", "ExecStartPre", "ExecStartPost", "ExecStop", "ExecStopPost", "ExecReload", "ExecCondition"];

/** One command of a command line, with its span in the whole value. */
export interface ExecCommandSpan extends ExecCommand {
  /** Offsets of the command in the value (separator excluded). */
  from: number;
  to: number;
}

/**
 * The commands of one `ExecStart=`-style line. systemd 252 still splits a line
 * at a lone unquoted `;` word (config_parse_exec(); `\;` is a literal `;`
 * argument), so `ExecStart=/bin/a ; /bin/b` holds two commands.
 */
export function splitExecCommands(value: string): ExecCommandSpan[] {
  const out: ExecCommandSpan[] = [];
  const { words } = splitWords(value);
  let start = 0;
  const push = (end: number): void => {
    const cmd = parseExec(value.slice(start, end));
    if (cmd.words.length === 0 && cmd.prefixes.length === 0 && cmd.unterminatedQuote === undefined) return;
    out.push({
      prefixes: cmd.prefixes,
      prefixEnd: cmd.prefixEnd + start,
      words: cmd.words.map((w) => ({ ...w, from: w.from + start, to: w.to + start })),
      ...(cmd.unterminatedQuote !== undefined ? { unterminatedQuote: cmd.unterminatedQuote + start } : {}),
      from: start,
      to: end,
    });
  };
  for (const w of words) {
    if (value.slice(w.from, w.to) !== ";") continue;
    push(w.from);
    start = w.to;
  }
  push(value.length);
  return out;
}

/**
 * splitExecCommands for the rules, shared as execCommandOf is: the loading rules ask for a unit's commands (its
 * type, whether it has a start command, which commands systemd skips) many times over, each a split of the same
 * values. Read the result, never change it.
 */
export const execCommandsOf: (value: string) => readonly ExecCommandSpan[] = remembered(splitExecCommands);
