import type { Finding } from "../core/diagnostic.js";
import type { SourceText } from "../core/source.js";

/**
 * Inline suppressions in comment lines of unit files, drop-ins and crontabs:
 *   # unitlint-disable-next-line rule-id[, rule-id] -- reason
 *   # unitlint-disable rule-id          (from here to the end of the file)
 * Without rule ids, every rule is suppressed.
 */
export interface Suppression {
  file: string;
  kind: "next-line" | "rest-of-file";
  /** Empty: all rules. */
  rules: string[];
  /** The comment line (1-based) and the range of the directive in the file. */
  line: number;
  range: { start: number; end: number };
  /** First and last line the suppression covers. */
  from: number;
  to: number;
  used: Set<string>;
}

const DIRECTIVE = /^\s*[#;]\s*unitlint-(disable-next-line|disable)\b([^\n]*)$/;

export function parseSuppressions(file: string, source: SourceText): Suppression[] {
  const out: Suppression[] = [];
  const n = source.lineCount;
  for (let line = 1; line <= n; line++) {
    const text = source.lineText(line);
    const m = DIRECTIVE.exec(text);
    if (!m) continue;
    const spec = m[2]!.split("--")[0]!;
    const rules = spec.split(/[\s,]+/).filter(Boolean);
    const start = source.offsetAt({ line, column: 1 });
    let from = line + 1;
    // the next line that is not a comment or blank (a continued setting counts from its first line)
    while (from <= n && /^\s*([#;]|$)/.test(source.lineText(from))) from++;
    out.push({
      file,
      kind: m[1] === "disable" ? "rest-of-file" : "next-line",
      rules,
      line,
      range: { start, end: start + text.length },
      from: m[1] === "disable" ? line : from,
      to: m[1] === "disable" ? Number.MAX_SAFE_INTEGER : from,
      used: new Set(),
    });
  }
  return out;
}

/** Drop suppressed findings; returns the kept ones and the suppressions that suppressed nothing. */
export function applySuppressions(findings: Finding[], sources: Map<string, SourceText>): { kept: Finding[]; unused: Suppression[] } {
  const byFile = new Map<string, Suppression[]>();
  for (const [file, source] of sources) {
    if (!source.text.includes("unitlint-disable")) continue;
    byFile.set(file, parseSuppressions(file, source));
  }
  if (byFile.size === 0) return { kept: findings, unused: [] };
  const kept = findings.filter((f) => {
    const sup = byFile.get(f.file)?.find((s) => f.line >= s.from && f.line <= s.to && (s.rules.length === 0 || s.rules.includes(f.rule)));
    if (!sup) return true;
    sup.used.add(f.rule);
    return false;
  });
  const unused = [...byFile.values()].flat().filter((s) => s.used.size === 0 || s.rules.some((r) => !s.used.has(r)));
  return { kept, unused };
}
