/**
 * systemd's two-column format-table as systemd-analyze uses it without a
 * terminal: labels right-aligned to the widest label, values as they are, no
 * trailing blanks.
 */
export function renderTable(rows: readonly (readonly [string, string])[]): string {
  const width = Math.max(0, ...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padStart(width)} ${value}`.trimEnd() + "\n").join("");
}
