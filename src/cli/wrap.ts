/**
 * Word wrapping for what the CLI prints to a terminal (`rules`, `explain`). Piped output is left as it is, one
 * line per row or paragraph, so scripts and `grep` see whole lines.
 */

/** The terminal's width when standard output is one, else undefined (no wrapping). */
export function terminalWidth(stream: { isTTY?: boolean; columns?: number } = process.stdout): number | undefined {
  return stream.isTTY && stream.columns && stream.columns > 20 ? stream.columns : undefined;
}

/** Lines of at most `width` characters, broken between words; a word longer than the width stands alone. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/ +/)) {
    if (!word) continue;
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * Markdown as a terminal shows it best: paragraphs and list items wrapped to `width` (list items with a hanging
 * indent), fenced code blocks, headings and table rows left untouched.
 */
export function wrapMarkdown(markdown: string, width: number): string {
  const out: string[] = [];
  let fenced = false;
  for (const line of markdown.split("\n")) {
    const fence = /^\s*```/.test(line);
    if (fence) fenced = !fenced;
    if (fenced || fence || line.length <= width || /^(#|\||\s{4})/.test(line)) {
      out.push(line);
      continue;
    }
    const item = /^(\s*(?:[-*]|\d+\.)\s+)/.exec(line)?.[1] ?? "";
    const hang = " ".repeat(item.length);
    wrapWords(line.slice(item.length), width - item.length).forEach((l, i) => out.push((i === 0 ? item : hang) + l));
  }
  return out.join("\n");
}
