import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Workspace } from "../../src/lsp/workspace.js";
import { tempDir } from "../helpers/cli.js";

describe("LSP workspace", () => {
  it("sees what was saved once the editor closes a file, and files created after the scan", () => {
    const root = tempDir("unitlint-ws-");
    mkdirSync(join(root, "etc"));
    const a = join(root, "etc", "a.service");
    writeFileSync(a, "[Service]\nExecStart=/bin/a\n");
    const ws = new Workspace(root);
    ws.scan();
    ws.setOpen(a, "[Service]\nExecStart=/bin/edited\n");
    writeFileSync(a, "[Service]\nExecStart=/bin/saved\n");
    ws.close(a);
    expect(ws.text(a)).toBe("[Service]\nExecStart=/bin/saved\n");

    const b = join(root, "etc", "b.timer");
    writeFileSync(b, "[Timer]\nOnCalendar=daily\n");
    ws.setOpen(b, "[Timer]\nOnCalendar=daily\n");
    ws.close(b);
    expect(ws.paths()).toContain(b);

    const notes = join(root, "notes.txt");
    writeFileSync(notes, "hello\n");
    ws.reread(notes);
    expect(ws.paths()).not.toContain(notes);
  });

  it("tells the linter what kind an open document is when the editor says so", () => {
    const ws = new Workspace(null);
    ws.setOpen("/x/my-jobs", "0 3 * * * /bin/c\n", "crontab");
    expect(ws.sources()).toEqual([{ path: "/x/my-jobs", text: "0 3 * * * /bin/c\n", kind: "crontab" }]);
  });
});
