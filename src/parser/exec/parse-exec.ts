import { splitWords, type Word } from "../words.js";

/** A word of the command line; offsets are into the whole value. */
export type ExecWord = Word;

/**
 * An `ExecStart=`-style command line (systemd.service(5) "Command lines"):
 * optional prefixes, then words split like systemd's extract_first_word()
 * with quote removal. Offsets are into the setting's value.
 */
export interface ExecCommand {
  /** `-`, `@`, `:`, `+`, `!`, `!!` in the order written. */
  prefixes: string[];
  prefixEnd: number;
  /** argv[0] as written (after `@`, argv[0] is the second word). */
  words: ExecWord[];
  /** Offset of an opening quote that is never closed. */
  unterminatedQuote?: number;
}

const PREFIX = /^(!!|[-@:+!|])/;

/** One command; systemd 252 allows one per ExecStart= line (`;` separation was removed). */
export function parseExec(value: string): ExecCommand {
  let i = 0;
  const prefixes: string[] = [];
  for (;;) {
    const m = PREFIX.exec(value.slice(i));
    if (!m) break;
    prefixes.push(m[1]!);
    i += m[1]!.length;
  }
  // The words after the prefixes, split the way systemd splits every list value.
  const { words: raw, unterminated } = splitWords(value.slice(i));
  const words: ExecWord[] = raw.map((w) => ({ ...w, from: w.from + i, to: w.to + i }));
  if (unterminated !== undefined) return { prefixes, prefixEnd: i, words, unterminatedQuote: unterminated + i };
  return { prefixes, prefixEnd: i, words };
}

/** The executable word (argv[0] is the next word when the `@` prefix is used). */
export function executable(cmd: ExecCommand): ExecWord | undefined {
  return cmd.words[0];
}

/** Settings that take command lines. */
export const EXEC_KEYS = ["ExecStart", "ExecStartPre", "ExecStartPost", "ExecStop", "ExecStopPost", "ExecReload", "ExecCondition"];
