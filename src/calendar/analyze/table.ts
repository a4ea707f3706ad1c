const width = (s: string) => [...s].length;

/**
 * systemd's two-column format-table as systemd-analyze uses it without a
 * terminal: labels right-aligned to the widest label; a value narrower than the
 * widest value loses its trailing whitespace (format-table.c only strips the
 * padded copy of a last-column cell), a value that is the widest keeps it.
 */
export function renderTable(rows: readonly (readonly [string, string])[]): string {
  const labelWidth = Math.max(0, ...rows.map(([label]) => width(label)));
  const valueWidth = Math.max(0, ...rows.map(([, value]) => width(value)));
  return rows
    .map(([label, value]) => {
      const v = width(value) < valueWidth ? value.replace(/[ \t\n\r]+$/, "") : value;
      return `${label.padStart(labelWidth)} ${v}\n`;
    })
    .join("");
}
