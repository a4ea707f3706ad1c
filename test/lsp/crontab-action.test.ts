import { TextDocument } from "vscode-languageserver-textdocument";
import { describe, expect, it } from "vitest";
import { parseCrontab } from "../../src/crontab/index.js";
import { crontabTimerAction } from "../../src/lsp/crontab-action.js";

const uri = "file:///w/etc/cron.d/backup";
const text = "MAILTO=ops\nCRON_TZ=Europe/Berlin\n30 2 * * 1-5 backup /usr/local/bin/backup --all\nnot a job line\n";
const file = parseCrontab(text, "etc/cron.d/backup", "system");
const doc = TextDocument.create(uri, "crontab", 3, text);
const line = (n: number) => ({ start: doc.offsetAt({ line: n, character: 0 }), end: doc.offsetAt({ line: n + 1, character: 0 }) });
const target = (existing: string[] = []) => ({
  folder: "etc/systemd/system",
  uri: (d: string) => `file:///w/${d}`,
  exists: (d: string) => existing.includes(d),
});

describe("crontab: convert a job to a systemd timer", () => {
  it("creates the service and the timer of unitlint migrate and comments the line out", () => {
    const a = crontabTimerAction(file, line(2), doc, uri, target())!;
    expect(a.title).toBe("Convert to a systemd timer: create cron-backup.service and cron-backup.timer in etc/systemd/system/ and comment out this line");
    const changes = a.edit!.documentChanges as ({ kind: "create"; uri: string } | { textDocument: { uri: string }; edits: { newText: string }[] })[];
    expect(changes.filter((c) => "kind" in c).map((c) => (c as { uri: string }).uri)).toEqual([
      "file:///w/etc/systemd/system/cron-backup.service",
      "file:///w/etc/systemd/system/cron-backup.timer",
    ]);
    const texts = changes.filter((c) => "edits" in c).map((c) => c as { textDocument: { uri: string }; edits: { newText: string }[] });
    const timer = texts.find((c) => c.textDocument.uri.endsWith(".timer"))!.edits[0]!.newText;
    expect(timer).toContain("OnCalendar=Mon..Fri *-*-* 02:30:00 Europe/Berlin");
    const service = texts.find((c) => c.textDocument.uri.endsWith(".service"))!.edits[0]!.newText;
    expect(service).toContain("User=backup");
    const own = texts.find((c) => c.textDocument.uri === uri)!.edits[0]!.newText;
    expect(TextDocument.applyEdits(doc, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: own }])).toContain(
      "# moved to cron-backup.timer (unitlint)\n# 30 2 * * 1-5 backup /usr/local/bin/backup --all\n",
    );
  });

  it("is not offered off job lines, for lines cron cannot read, or over existing units", () => {
    expect(crontabTimerAction(file, line(0), doc, uri, target())).toBeNull();
    expect(crontabTimerAction(file, line(3), doc, uri, target())).toBeNull();
    expect(crontabTimerAction(file, line(2), doc, uri, target(["etc/systemd/system/cron-backup.timer"]))).toBeNull();
  });
});
