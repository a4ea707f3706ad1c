import { trimEndOf } from "../../core/strings.js";
/** Display width in code points (surrogate pairs count once). */
const width = (s: string) => {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) n--;
  }
  return n;
};

/**
 * systemd's two-column format-table as systemd-analyze uses it without a
 * terminal: labels right-aligned to the widest label; a value narrower than the
 * widest value loses its trailing whitespace (format-table.c only strips the
 * padded copy of a last-column cell), a value that is the widest keeps it.
 */
export function renderTable(rows: readonly (readonly [string, string])[]): string {
  let labelWidth = 0;
  let valueWidth = 0;
  const widths = new Array<number>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    labelWidth = Math.max(labelWidth, width(rows[i]![0]));
    valueWidth = Math.max(valueWidth, (widths[i] = width(rows[i]![1])));
  }
  const out: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    const [label, value] = rows[i]!;
    const v = widths[i]! < valueWidth && /[ \t\n\r]$/.test(value) ? trimEndOf(value, " \t\n\r") : value;
    out.push(label.padStart(labelWidth), " ", v, "\n");
  }
  return out.join("");
}
