import type { Formatter } from "./types.js";

/** One object per finding; stable field names (documented in the README). */
export const json: Formatter = ({ findings }) =>
  JSON.stringify(
    findings.map((f) => ({
      file: f.file,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      ...(f.fix ? { fix: { description: f.fix.description, safe: f.fix.safe, edits: f.fix.edits } } : {}),
      ...(f.related ? { related: f.related.map((r) => ({ file: r.file, line: r.line, column: r.column, message: r.message })) } : {}),
    })),
    null,
    2,
  ) + "\n";
