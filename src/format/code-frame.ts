import type { Finding } from "../core/diagnostic.js";
import type { SourceText } from "../core/source.js";
import type { Palette } from "./colors.js";
import { maskedSource } from "../model/secrets.js";

const MAX_WIDTH = 160;

/**
 * The finding's first line with a caret line under its range, in the style of
 * actionlint/rustc. Tabs are shown as single spaces so the carets line up.
 */
export function codeFrame(f: Finding, source: SourceText, c: Palette): string {
  // Secrets in Environment= and SetCredential= are shown as `*` (the same length: the carets still line up).
  const raw = maskedSource(source).lineText(f.line);
  let text = raw.replace(/\t/g, " ").replace(/[\u0000-\u001f\u007f]/g, "?");
  let start = f.column - 1;
  let end = f.endLine === f.line ? f.endColumn - 1 : text.length;
  if (end <= start) end = start + 1;
  // Keep very long lines readable: show a window around the range.
  let offset = 0;
  if (text.length > MAX_WIDTH) {
    offset = Math.max(0, Math.min(start - 20, text.length - MAX_WIDTH));
    text = (offset > 0 ? "…" : "") + text.slice(offset, offset + MAX_WIDTH) + (offset + MAX_WIDTH < raw.length ? "…" : "");
    const shift = offset > 0 ? offset - 1 : 0;
    start -= shift;
    end = Math.min(end - shift, text.length + 1);
  }
  const num = String(f.line);
  const gutter = " ".repeat(num.length);
  const carets = " ".repeat(Math.max(0, start)) + "^".repeat(Math.max(1, Math.min(end, text.length + 1) - start));
  return `  ${c.dim(num + " |")} ${text}\n  ${c.dim(gutter + " |")} ${c.red(carets)}`;
}
