/**
 * An `ExecStart=`-style command line (systemd.service(5) "Command lines"):
 * optional prefixes, then words split like systemd's extract_first_word()
 * with quote removal. Offsets are into the setting's value.
 */
export interface ExecWord {
  text: string;
  /** Raw extent in the value (quotes included). */
  from: number;
  to: number;
  quoted: boolean;
}

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
  const words: ExecWord[] = [];
  while (i < value.length) {
    while (i < value.length && /\s/.test(value[i]!)) i++;
    if (i >= value.length) break;
    const from = i;
    let text = "";
    let quote: string | null = null;
    let quoteAt = -1;
    let quoted = false;
    for (; i < value.length; i++) {
      const c = value[i]!;
      if (quote) {
        if (c === "\\" && i + 1 < value.length) text += value[++i];
        else if (c === quote) quote = null;
        else text += c;
      } else if (c === '"' || c === "'") {
        quote = c;
        quoteAt = i;
        quoted = true;
      } else if (c === "\\" && i + 1 < value.length) text += value[++i];
      else if (/\s/.test(c)) break;
      else text += c;
    }
    if (quote) return { prefixes, prefixEnd: prefixes.join("").length, words, unterminatedQuote: quoteAt };
    words.push({ text, from, to: i, quoted });
  }
  return { prefixes, prefixEnd: prefixes.join("").length, words };
}

/** The executable word (argv[0] is the next word when the `@` prefix is used). */
export function executable(cmd: ExecCommand): ExecWord | undefined {
  return cmd.words[0];
}

/** Settings that take command lines. */
export const EXEC_KEYS = ["ExecStart", "ExecStartPre", "ExecStartPost", "ExecStop", "ExecStopPost", "ExecReload", "ExecCondition"];
