import { trimEndOf } from "../../core/strings.js";

/** Display width in code points (surrogate pairs count once). */
export const displayWidth = (s: string) => {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) n--;
  }
  return n;
};

/**
 * One line of systemd's two-column format-table as systemd-analyze uses it
 * without a terminal: the label right-aligned to `labelWidth`; a value
 * narrower than the widest value of the table (`valueWidth`) loses its
 * trailing whitespace (format-table.c only strips the padded copy of a
 * last-column cell), a value that is the widest keeps it.
 */
export function tableLine(label: string, value: string, labelWidth: number, valueWidth: number): string {
  const v = displayWidth(value) < valueWidth && /[ \t\n\r]$/.test(value) ? trimEndOf(value, " \t\n\r") : value;
  return `${label.padStart(labelWidth)} ${v}\n`;
}

/** The whole two-column table (see tableLine). */
export function renderTable(rows: readonly (readonly [string, string])[]): string {
  let labelWidth = 0;
  let valueWidth = 0;
  for (const [label, value] of rows) {
    labelWidth = Math.max(labelWidth, displayWidth(label));
    valueWidth = Math.max(valueWidth, displayWidth(value));
  }
  let out = "";
  for (const [label, value] of rows) out += tableLine(label, value, labelWidth, valueWidth);
  return out;
}

/**
 * Text built from many short pieces, joined into flat strings every few
 * hundred pieces: a 10,000-elapse report is over a million characters, and
 * keeping every piece alive until the end made garbage collection most of its cost.
 */
export class TextChunks {
  private pieces: string[] = [];
  private chunks: string[] = [];

  push(s: string): void {
    if (this.pieces.push(s) >= 512) this.flush();
  }

  private flush(): void {
    this.chunks.push(this.pieces.join(""));
    this.pieces = [];
  }

  toString(): string {
    if (this.pieces.length > 0) this.flush();
    return this.chunks.join("");
  }
}
