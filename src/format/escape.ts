import { escapeControls } from "../core/strings.js";

export { escapeControls };

/**
 * A file name for a human-readable report: control characters escaped, and a
 * name that would start a line as a CI command (`::warning ...` for GitHub
 * Actions, `##vso[...]` for Azure Pipelines) shown as `./::warning ...`, the
 * same file.
 */
export function displayName(name: string): string {
  const s = escapeControls(name);
  return /^(::|##)/.test(s) ? `./${s}` : s;
}

/**
 * A line for stderr with its inside escaped: a leading `\r` (progress lines
 * overwrite themselves) and the final `\n` or `\r` stay, any other control
 * character (from a file name or an error message) is shown escaped.
 */
export function escapeLine(s: string): string {
  const m = /^(\r?)([\s\S]*?)(\r|\n)?$/.exec(s)!;
  return m[1]! + escapeControls(m[2]!) + (m[3] ?? "");
}
