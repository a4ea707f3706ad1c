import type { Finding, TextEdit } from "../core/diagnostic.js";
import type { SourceText } from "../core/source.js";
import { lookupRuleId } from "../rules/rule-id.js";
import { trailingRun } from "../core/strings.js";

/**
 * Inline suppressions in comment lines of unit files, drop-ins and crontabs:
 *   # unitlint-disable-next-line rule-id[, rule-id] -- reason
 *   # unitlint-disable rule-id          (from here to the end of the file)
 * Without rule ids, every rule is suppressed. A comment that starts like a
 * directive but is none (`# unitlint-disable-line`) is kept as `malformed`, so
 * it can be reported instead of silently doing nothing.
 */
export interface Suppression {
  file: string;
  kind: "next-line" | "rest-of-file" | "malformed";
  /** Empty: all rules. */
  rules: string[];
  /** The comment line (1-based) and the range of its text (without the line ending). */
  line: number;
  range: { start: number; end: number };
  /** First and last line the suppression covers. */
  from: number;
  to: number;
  /** Rule ids of the findings it suppressed. */
  used: Set<string>;
}

const COMMENT = /^\s*[#;]/;
const DIRECTIVE = /^(\s*[#;]\s*)unitlint-(disable-next-line|disable)(?=\s|$)(.*)$/;
const LOOKS_LIKE = /^\s*[#;]\s*unitlint-(\S*)/;

/** A physical line that ends in an unescaped backslash continues the setting (systemd.syntax(7)). */
function continues(text: string): boolean {
  // Counted in a loop: /\\+$/ was quadratic on a long run of backslashes (a 1 MB comment line).
  return trailingRun(text, "\\") % 2 === 1;
}

export function parseSuppressions(file: string, source: SourceText): Suppression[] {
  const out: Suppression[] = [];
  const n = source.lineCount;
  for (let line = 1; line <= n; line++) {
    const text = source.lineText(line);
    if (!text.includes("unitlint-")) continue;
    const start = source.offsetAt({ line, column: 1 });
    const range = { start, end: start + text.length };
    const m = DIRECTIVE.exec(text);
    if (!m) {
      if (LOOKS_LIKE.test(text)) out.push({ file, kind: "malformed", rules: [], line, range, from: line, to: line, used: new Set() });
      continue;
    }
    // A rule's name alone (`unknown-unit`) stands for its full id when only one family has it.
    const rules = m[3]!
      .split("--")[0]!
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((r) => {
        const found = lookupRuleId(r);
        return found.ok ? found.id : r;
      });
    if (m[2] === "disable") {
      out.push({ file, kind: "rest-of-file", rules, line, range, from: line, to: Number.MAX_SAFE_INTEGER, used: new Set() });
      continue;
    }
    // The next setting: skip comments and blank lines; a continued setting covers all its physical
    // lines, comment lines inside the continuation included (systemd skips those).
    let from = line + 1;
    while (from <= n && /^\s*([#;]|$)/.test(source.lineText(from))) from++;
    let to = from;
    while (to < n) {
      const t = source.lineText(to);
      if (!COMMENT.test(t) && !continues(t)) break;
      to++;
    }
    out.push({ file, kind: "next-line", rules, line, range, from, to: Math.min(to, n), used: new Set() });
  }
  return out;
}

/** Drop suppressed findings; returns the kept ones and the suppressions that suppressed nothing (or not all they name). */
export function applySuppressions(findings: Finding[], sources: Map<string, SourceText>): { kept: Finding[]; unused: Suppression[] } {
  const byFile = new Map<string, Suppression[]>();
  for (const [file, source] of sources) {
    if (!source.text.includes("unitlint-")) continue;
    const list = parseSuppressions(file, source);
    if (list.length) byFile.set(file, list);
  }
  if (byFile.size === 0) return { kept: findings, unused: [] };
  const kept = findings.filter((f) => {
    const sup = byFile
      .get(f.file)
      ?.find((s) => s.kind !== "malformed" && f.line >= s.from && f.line <= s.to && (s.rules.length === 0 || s.rules.includes(f.rule)));
    if (!sup) return true;
    sup.used.add(f.rule);
    return false;
  });
  const unused = [...byFile.values()].flat().filter((s) => s.kind === "malformed" || s.used.size === 0 || s.rules.some((r) => !s.used.has(r)));
  return { kept, unused };
}

/**
 * The edit that removes what a suppression no longer does: the whole comment
 * line when nothing of it is used, else just the unused ids (the reason stays).
 * Only comments change, so the fix is safe.
 */
export function unusedSuppressionEdit(s: Suppression, source: SourceText): TextEdit | undefined {
  if (s.kind === "malformed") return undefined;
  const text = source.text;
  const keep = s.rules.filter((r) => s.used.has(r));
  if (keep.length > 0) {
    const line = source.slice(s.range);
    const m = DIRECTIVE.exec(line)!;
    const reason = m[3]!.includes("--") ? " " + m[3]!.slice(m[3]!.indexOf("--")).trim() : "";
    return { start: s.range.start, end: s.range.end, text: `${m[1]}unitlint-${m[2]} ${keep.join(", ")}${reason}` };
  }
  let start = s.range.start;
  const end = s.line < source.lineCount ? source.offsetAt({ line: s.line + 1, column: 1 }) : text.length;
  // the last line has no line ending of its own: take the one before it instead
  if (end === s.range.end && start > 0) {
    start--;
    if (text[start] === "\n" && text[start - 1] === "\r") start--;
  }
  return { start, end, text: "" };
}
