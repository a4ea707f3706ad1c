// String helpers that replace regular expressions which backtrack
// quadratically: /x+$/ tries every start of a long run of x that is followed
// by another character (20,000 characters: over a second). See
// docs/robustness.md, "Regular expressions on user text".

/** `s` without the run of any of `chars` at its end (what `s.replace(/[chars]+$/, "")` did). */
export function trimEndOf(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1]!)) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** `s` without the runs of any of `chars` at both ends (what `s.replace(/^[chars]+|[chars]+$/g, "")` did). */
export function trimOf(s: string, chars: string): string {
  let start = 0;
  while (start < s.length && chars.includes(s[start]!)) start++;
  return trimEndOf(s.slice(start), chars);
}

/** The length of the run of `ch` that ends `s`. */
export function trailingRun(s: string, ch: string): number {
  let n = 0;
  while (n < s.length && s[s.length - 1 - n] === ch) n++;
  return n;
}

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
