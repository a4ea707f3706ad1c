/** One word of a value split like systemd's extract_first_word() with quote removal. */
export interface Word {
  text: string;
  /** Offsets of the raw word (quotes included) in the value. */
  from: number;
  to: number;
  /** The word had quotes (its text is then taken literally by systemd, e.g. `"a | b"`). */
  quoted: boolean;
}

/**
 * Split on whitespace, honouring "double" and 'single' quotes and backslash
 * escapes (EXTRACT_UNQUOTE|EXTRACT_CUNESCAPE); `unterminated` is the offset of
 * an opening quote that is never closed.
 */
export function splitWords(value: string): { words: Word[]; unterminated?: number } {
  const words: Word[] = [];
  let i = 0;
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
    if (quote) return { words, unterminated: quoteAt };
    words.push({ text, from, to: i, quoted });
  }
  return { words };
}
