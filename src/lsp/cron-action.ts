import { CodeActionKind, type CodeAction, type Diagnostic } from "vscode-languageserver/node.js";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { parseCalendar, parseCron } from "../calendar/index.js";
import { cronToCalendar } from "../crontab/schedule.js";
import type { EntryNode, UnitFileAst } from "../parser/unit/ast.js";

/**
 * "Convert cron to OnCalendar=" for a cron expression pasted into
 * `OnCalendar=` whose schedule needs several lines (cron's either-day rule:
 * `0 0 1,15 * 5` is the 1st and 15th, and every Friday). The entry is
 * replaced by one `OnCalendar=` line each; a timer fires on their union.
 * A one-line conversion is already the quick fix of values/invalid-value.
 */
export function cronCalendarActions(
  ast: UnitFileAst,
  lines: { start: number; end: number },
  uri: string,
  doc: TextDocument,
  diagnostics: Diagnostic[],
): CodeAction[] {
  const out: CodeAction[] = [];
  for (const l of ast.lines) {
    if (l.kind !== "entry" || l.key !== "OnCalendar" || l.range.end < lines.start || l.range.start >= lines.end) continue;
    const lines2 = multiLineConversion(l);
    if (!lines2) continue;
    const line = doc.positionAt(l.range.start).line;
    const related = diagnostics.filter((d) => d.code === "values/invalid-value" && d.range.start.line <= line && d.range.end.line >= line);
    out.push({
      title: `Convert cron to ${lines2.length} OnCalendar= lines: ${lines2.join(" | ")}`,
      kind: CodeActionKind.QuickFix,
      ...(related.length ? { diagnostics: related } : {}),
      edit: {
        changes: {
          [uri]: [
            {
              range: { start: doc.positionAt(l.keyRange.start), end: doc.positionAt(l.valueRange.end) },
              newText: lines2.map((x) => `OnCalendar=${x}`).join("\n"),
            },
          ],
        },
      },
    });
  }
  return out;
}

function multiLineConversion(entry: EntryNode): string[] | undefined {
  const v = entry.value;
  if (v === "" || parseCalendar(v).ok) return undefined;
  const cron = parseCron(v);
  if (!cron.ok || cron.cron.command) return undefined;
  const conv = cronToCalendar(v);
  return conv.ok && conv.lines.length > 1 ? conv.lines : undefined;
}
