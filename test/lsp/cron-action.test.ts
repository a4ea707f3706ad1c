import { TextDocument } from "vscode-languageserver-textdocument";
import { describe, expect, it } from "vitest";
import { parseFile } from "../../src/model/unit-file.js";
import { cronCalendarActions } from "../../src/lsp/cron-action.js";

const uri = "file:///t.timer";
const text = "[Timer]\nOnCalendar=0 0 1,15 * 5\nOnCalendar=*/5 * * * *\nPersistent=true\n";

function actionsOn(line: number) {
  const doc = TextDocument.create(uri, "systemd", 1, text);
  const lines = { start: doc.offsetAt({ line, character: 0 }), end: doc.offsetAt({ line: line + 1, character: 0 }) };
  const diag = { range: { start: { line, character: 11 }, end: { line, character: 20 } }, message: "m", code: "values/invalid-value" };
  return { doc, actions: cronCalendarActions(parseFile("t.timer", text).ast, lines, uri, doc, [diag]) };
}

describe("convert cron to OnCalendar=", () => {
  it("replaces a cron line that needs two specs with two OnCalendar= lines", () => {
    const { doc, actions } = actionsOn(1);
    expect(actions).toHaveLength(1);
    expect(actions[0]!.title).toBe("Convert cron to 2 OnCalendar= lines: *-*-01,15 00:00:00 | Fri *-*-* 00:00:00");
    expect(actions[0]!.diagnostics?.[0]?.code).toBe("values/invalid-value");
    const edit = actions[0]!.edit!.changes![uri]![0]!;
    const after = TextDocument.applyEdits(doc, [edit]);
    expect(after).toBe("[Timer]\nOnCalendar=*-*-01,15 00:00:00\nOnCalendar=Fri *-*-* 00:00:00\nOnCalendar=*/5 * * * *\nPersistent=true\n");
  });

  it("leaves one-line conversions to the rule's quick fix, and other lines alone", () => {
    expect(actionsOn(2).actions).toEqual([]);
    expect(actionsOn(3).actions).toEqual([]);
    expect(actionsOn(0).actions).toEqual([]);
  });
});
