import type { Spanned } from "./model.js";

const BLANK = /[ \t]/;

/**
 * Read `NAME=VALUE` as cronie's load_env() does: the name is a quoted string
 * or runs to a blank or '='; blanks may surround '='; a quoted value loses its
 * quotes (nothing but blanks may follow), an unquoted one its trailing blanks.
 * Returns undefined when the line is not an assignment (then cron reads a job).
 */
export function readEnvLine(text: string, offset: number): { name: Spanned; value: Spanned } | undefined {
  let i = 0;
  while (i < text.length && BLANK.test(text[i]!)) i++;
  let name: Spanned;
  const q = text[i];
  if (q === '"' || q === "'") {
    const close = text.indexOf(q, i + 1);
    if (close < 0) return undefined;
    name = { text: text.slice(i + 1, close), range: { start: offset + i + 1, end: offset + close } };
    i = close + 1;
  } else {
    const start = i;
    while (i < text.length && text[i] !== "=" && !BLANK.test(text[i]!)) i++;
    name = { text: text.slice(start, i), range: { start: offset + start, end: offset + i } };
  }
  if (name.text === "") return undefined;
  while (i < text.length && BLANK.test(text[i]!)) i++;
  if (text[i] !== "=") return undefined;
  i++;
  while (i < text.length && BLANK.test(text[i]!)) i++;
  const vq = text[i];
  if (vq === '"' || vq === "'") {
    const close = text.indexOf(vq, i + 1);
    if (close >= 0 && text.slice(close + 1).trim() === "") {
      return { name, value: { text: text.slice(i + 1, close), range: { start: offset + i + 1, end: offset + close } } };
    }
    // an unterminated or trailing-text quote: cronie keeps the value as written
  }
  let end = text.length;
  while (end > i && BLANK.test(text[end - 1]!)) end--;
  return { name, value: { text: text.slice(i, end), range: { start: offset + i, end: offset + end } } };
}
