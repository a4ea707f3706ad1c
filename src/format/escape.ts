/**
 * Characters that must not reach a terminal or a CI log raw: C0 controls
 * (escape sequences, CR, LF, NUL), DEL, C1 controls, Unicode line and
 * paragraph separators and bidirectional overrides.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** Text with every unsafe character as a visible escape (`\n`, `\x1b`, `\u202e`): one line, inert on a terminal. */
export function escapeControls(s: string): string {
  return s.replace(UNSAFE, (c) => {
    const n = c.charCodeAt(0);
    return NAMED[c] ?? (n < 0x100 ? `\\x${n.toString(16).padStart(2, "0")}` : `\\u${n.toString(16).padStart(4, "0")}`);
  });
}

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
