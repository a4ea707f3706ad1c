import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, ensureBin, tempDir } from "../helpers/cli.js";

interface Diag {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  code: string;
  message: string;
  severity: number;
  data?: unknown;
}

let proc: ChildProcess;
let conn: MessageConnection;
let root: string;
const published = new Map<string, Diag[][]>();

function nextDiagnostics(uri: string, count: number): Promise<Diag[]> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const poll = () => {
      const list = published.get(uri) ?? [];
      if (list.length >= count) return resolve(list[count - 1]!);
      if (Date.now() - t0 > 20_000) return reject(new Error(`no diagnostics #${count} for ${uri}`));
      setTimeout(poll, 20);
    };
    poll();
  });
}

const WORKER = "[Unit]\nDescription=Worker %i\nAfter=ots.target\n\n[Service]\nExecStart=/usr/bin/worker --queue %i\n";

beforeAll(async () => {
  ensureBin();
  root = tempDir("unitlint-lsp-");
  mkdirSync(join(root, "etc"), { recursive: true });
  writeFileSync(join(root, "etc", "ots.target"), "[Unit]\nDescription=group\n");
  // the project's config is honoured: this rule is off for the whole workspace
  writeFileSync(join(root, "unitlint.config.json"), JSON.stringify({ rules: { "dependencies/unknown-unit": "off" } }));
  writeFileSync(join(root, "etc", "worker@.service"), WORKER);
  proc = spawn(process.execPath, [BIN, "lsp", "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  conn.onNotification("textDocument/publishDiagnostics", (p: { uri: string; diagnostics: Diag[] }) => {
    const list = published.get(p.uri) ?? [];
    list.push(p.diagnostics);
    published.set(p.uri, list);
  });
  conn.listen();
  const init = await conn.sendRequest("initialize", {
    processId: null,
    rootUri: pathToFileURL(root).href,
    capabilities: {},
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: "w" }],
    initializationOptions: { timezone: "Asia/Kolkata" },
  });
  expect((init as { capabilities: Record<string, unknown> }).capabilities).toMatchObject({
    hoverProvider: true,
    codeActionProvider: true,
    documentSymbolProvider: true,
    definitionProvider: true,
  });
  await conn.sendNotification("initialized", {});
}, 60_000);

afterAll(async () => {
  if (conn) {
    await conn.sendRequest("shutdown");
    await conn.sendNotification("exit");
    conn.dispose();
  }
  proc?.kill();
});

describe("unitlint lsp over stdio", () => {
  const uri = () => pathToFileURL(join(root, "etc", "worker@.service")).href;

  it("publishes diagnostics on open, with rule ids as codes", async () => {
    await conn.sendNotification("textDocument/didOpen", {
      textDocument: { uri: uri(), languageId: "systemd", version: 1, text: WORKER + "[Servce]\nUser=x\n" },
    });
    const diags = await nextDiagnostics(uri(), 1);
    const d = diags.find((x) => x.code === "syntax/unknown-section")!;
    expect(d).toBeDefined();
    expect(d.range.start).toEqual({ line: 6, character: 1 });
    expect(d.message).toContain("did you mean [Service]");
  });

  it("re-lints after a change", async () => {
    await conn.sendNotification("textDocument/didChange", {
      textDocument: { uri: uri(), version: 2 },
      contentChanges: [{ text: WORKER }],
    });
    const diags = await nextDiagnostics(uri(), 2);
    expect(diags.filter((x) => x.code === "syntax/unknown-section")).toEqual([]);
  });

  it("hovers a specifier with what it expands to in this unit", async () => {
    const h = (await conn.sendRequest("textDocument/hover", { textDocument: { uri: uri() }, position: { line: 5, character: 34 } })) as {
      contents: { value: string };
    } | null;
    expect(h?.contents.value).toContain("`%i` expands to the instance name");
  });

  it("hovers a unit name with the workspace file that defines it and its description", async () => {
    const h = (await conn.sendRequest("textDocument/hover", { textDocument: { uri: uri() }, position: { line: 2, character: 8 } })) as {
      contents: { value: string };
    } | null;
    expect(h?.contents.value).toBe("**ots.target**: group\n\nDefined in `etc/ots.target`.");
  });

  it("lists sections and directives as document symbols", async () => {
    const syms = (await conn.sendRequest("textDocument/documentSymbol", { textDocument: { uri: uri() } })) as { name: string; children: { name: string }[] }[];
    expect(syms.map((s) => s.name)).toEqual(["[Unit]", "[Service]"]);
    expect(syms[1]!.children.map((c) => c.name)).toEqual(["ExecStart"]);
  });

  it("jumps from a unit reference to its file", async () => {
    const loc = (await conn.sendRequest("textDocument/definition", { textDocument: { uri: uri() }, position: { line: 2, character: 8 } })) as {
      uri: string;
    } | null;
    expect(loc?.uri).toBe(pathToFileURL(join(root, "etc", "ots.target")).href);
  });

  it("completes section names and unit names", async () => {
    await conn.sendNotification("textDocument/didChange", { textDocument: { uri: uri(), version: 3 }, contentChanges: [{ text: WORKER + "[" }] });
    const items = (await conn.sendRequest("textDocument/completion", { textDocument: { uri: uri() }, position: { line: 6, character: 1 } })) as {
      label: string;
    }[];
    expect(items.map((i) => i.label)).toEqual(["[Unit]", "[Service]", "[Install]"]);
    const units = (await conn.sendRequest("textDocument/completion", { textDocument: { uri: uri() }, position: { line: 2, character: 6 } })) as {
      label: string;
    }[];
    expect(units.map((i) => i.label)).toContain("ots.target");
  });

  it("offers the fixes of findings as code actions", async () => {
    const diagnostic = {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 6 } },
      message: "m",
      code: "x/y",
      data: { fix: { description: "Replace with [Unit]", safe: true, edits: [{ start: 0, end: 6, text: "[Unit]" }] } },
    };
    const actions = (await conn.sendRequest("textDocument/codeAction", {
      textDocument: { uri: uri() },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    })) as { title: string; isPreferred: boolean; edit: { changes: Record<string, { newText: string }[]> } }[];
    expect(actions[0]).toMatchObject({ title: "Replace with [Unit]", isPreferred: true });
    expect(actions[0]!.edit.changes[uri()]![0]!.newText).toBe("[Unit]");
  });
});

describe("configuration", () => {
  it("honours the project's unitlint.config.json like unitlint check", async () => {
    const uri = pathToFileURL(join(root, "etc", "cfg.service")).href;
    await conn.sendNotification("textDocument/didOpen", {
      textDocument: { uri, languageId: "systemd", version: 1, text: "[Unit]\nWants=missing.service\n[Service]\nExecStart=/bin/a\nFoo=1\n" },
    });
    const diags = await nextDiagnostics(uri, 1);
    expect(diags.map((x) => x.code)).toEqual(["directives/unknown-directive"]);
  });
});

describe("hover on values", () => {
  it("shows an OnCalendar spec's normalized form and next elapses, and a time span's normalized value", async () => {
    const uri = pathToFileURL(join(root, "etc", "t.timer")).href;
    await conn.sendNotification("textDocument/didOpen", {
      textDocument: { uri, languageId: "systemd", version: 1, text: "[Timer]\nOnCalendar=Mon *-*-* 08:00\nAccuracySec=90\n" },
    });
    const h = (await conn.sendRequest("textDocument/hover", { textDocument: { uri }, position: { line: 1, character: 14 } })) as {
      contents: { value: string };
    };
    expect(h.contents.value).toContain("normalized: `Mon *-*-* 08:00:00`");
    expect(h.contents.value.match(/^- \d{4}-\d\d-\d\dT08:00:00\+05:30$/gm)?.length).toBe(5);
    expect(h.contents.value).toContain("Next 5 elapses (Asia/Kolkata)");
    const s = (await conn.sendRequest("textDocument/hover", { textDocument: { uri }, position: { line: 2, character: 13 } })) as {
      contents: { value: string };
    };
    expect(s.contents.value).toBe("`90` = `1min 30s`");
  });
});

describe("knowledge in the editor", () => {
  it("hovers a directive with its section, value type, version and status", async () => {
    const uri = pathToFileURL(join(root, "etc", "k.service")).href;
    await conn.sendNotification("textDocument/didOpen", {
      textDocument: { uri, languageId: "systemd", version: 1, text: "[Service]\nMemoryLimit=1G\nRestart=always\n" },
    });
    const h = (await conn.sendRequest("textDocument/hover", { textDocument: { uri }, position: { line: 1, character: 3 } })) as { contents: { value: string } };
    expect(h.contents.value).toContain("**MemoryLimit=** in `[Service]`");
    expect(h.contents.value).toContain("**obsolete**: use MemoryMax");
    const r = (await conn.sendRequest("textDocument/hover", { textDocument: { uri }, position: { line: 2, character: 2 } })) as { contents: { value: string } };
    expect(r.contents.value).toContain("`on-failure`");
  });

  it("completes directives of the section (deprecated last) and enum values", async () => {
    const uri = pathToFileURL(join(root, "etc", "c.service")).href;
    await conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "systemd", version: 1, text: "[Service]\nRes\nRestart=\n" } });
    const items = (await conn.sendRequest("textDocument/completion", { textDocument: { uri }, position: { line: 1, character: 3 } })) as {
      label: string;
      sortText: string;
    }[];
    const labels = items.map((i) => i.label);
    expect(labels).toContain("RestartSec");
    expect(labels).not.toContain("OnCalendar");
    const mem = items.find((i) => i.label === "MemoryLimit")!;
    const max = items.find((i) => i.label === "MemoryMax")!;
    expect(mem.sortText > max.sortText).toBe(true);
    const values = (await conn.sendRequest("textDocument/completion", { textDocument: { uri }, position: { line: 2, character: 8 } })) as { label: string }[];
    expect(values.map((v) => v.label)).toContain("on-failure");
  });
});

describe("schedules", () => {
  type HoverReply = { contents: { value: string }; range: { start: { line: number; character: number }; end: { line: number; character: number } } } | null;

  it("hovers a cron field in a cron.d file with its meaning, OnCalendar= lines and next runs", async () => {
    mkdirSync(join(root, "etc", "cron.d"), { recursive: true });
    const uri = pathToFileURL(join(root, "etc", "cron.d", "backup")).href;
    await conn.sendNotification("textDocument/didOpen", {
      textDocument: { uri, languageId: "plaintext", version: 1, text: "*/15 9-17 * * 1-5 root /usr/bin/backup\n" },
    });
    const h = (await conn.sendRequest("textDocument/hover", { textDocument: { uri }, position: { line: 0, character: 15 } })) as HoverReply;
    expect(h?.contents.value).toContain("**day of week** (cron field 5 of 5) `1-5`: Monday to Friday");
    expect(h?.contents.value).toContain("OnCalendar=Mon..Fri *-*-* 09..17:00/15:00");
    expect(h?.contents.value.match(/^- \d{4}-\d\d-\d\dT(09|1\d):\d\d:00/gm)?.length).toBe(5);
    expect(h?.range).toEqual({ start: { line: 0, character: 14 }, end: { line: 0, character: 17 } });
    // its outline lists the jobs; no unit-file completion
    const syms = (await conn.sendRequest("textDocument/documentSymbol", { textDocument: { uri } })) as { name: string; detail: string }[];
    expect(syms.map((x) => [x.name, x.detail])).toEqual([["*/15 9-17 * * 1-5", "/usr/bin/backup"]]);
    expect(await conn.sendRequest("textDocument/completion", { textDocument: { uri }, position: { line: 0, character: 2 } })).toEqual([]);
    // and the job converts to a timer next to the workspace's units
    const range = { start: { line: 0, character: 3 }, end: { line: 0, character: 3 } };
    const actions = (await conn.sendRequest("textDocument/codeAction", { textDocument: { uri }, range, context: { diagnostics: [], only: ["refactor"] } })) as {
      title: string;
      edit: { documentChanges: { kind?: string; uri?: string }[] };
    }[];
    const convert = actions.find((a) => a.title.startsWith("Convert to a systemd timer"))!;
    expect(convert.title).toContain("create cron-backup.service and cron-backup.timer in etc/");
    expect(convert.edit.documentChanges.filter((c) => c.kind === "create").map((c) => c.uri)).toEqual([
      pathToFileURL(join(root, "etc", "cron-backup.service")).href,
      pathToFileURL(join(root, "etc", "cron-backup.timer")).href,
    ]);
  });

  it("reads a document the editor calls 'crontab' as a user crontab (no user field)", async () => {
    const uri = pathToFileURL(join(root, "my-jobs")).href;
    await conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "crontab", version: 1, text: "0 3 * * * /usr/bin/cleanup\n" } });
    const diags = await nextDiagnostics(uri, 1);
    expect(diags.filter((d) => d.code.startsWith("syntax/"))).toEqual([]);
    const h = (await conn.sendRequest("textDocument/hover", { textDocument: { uri }, position: { line: 0, character: 2 } })) as HoverReply;
    expect(h?.contents.value).toContain("**hour** (cron field 2 of 5) `3`: in hour 3");
    expect(h?.contents.value).toContain("OnCalendar=*-*-* 03:00:00");
  });

  it("hovers a cron expression pasted into OnCalendar= field by field", async () => {
    const uri = pathToFileURL(join(root, "etc", "cron.timer")).href;
    await conn.sendNotification("textDocument/didOpen", {
      textDocument: { uri, languageId: "systemd", version: 1, text: "[Timer]\nOnCalendar=*/15 * * * 1-5\n" },
    });
    const h = (await conn.sendRequest("textDocument/hover", { textDocument: { uri }, position: { line: 1, character: 12 } })) as HoverReply;
    expect(h?.contents.value).toContain("**cron expression**");
    expect(h?.contents.value).toContain("**minute** (cron field 1 of 5) `*/15`: every 15 minutes");
    expect(h?.contents.value).toContain("OnCalendar=Mon..Fri *-*-* *:00/15:00");
    expect(h?.range).toEqual({ start: { line: 1, character: 11 }, end: { line: 1, character: 15 } });
  });

  it("offers 'convert cron to OnCalendar' when the cron line needs two specs", async () => {
    const uri = pathToFileURL(join(root, "etc", "cron2.timer")).href;
    await conn.sendNotification("textDocument/didOpen", {
      textDocument: { uri, languageId: "systemd", version: 1, text: "[Timer]\nOnCalendar=0 0 1,15 * 5\n" },
    });
    const range = { start: { line: 1, character: 12 }, end: { line: 1, character: 12 } };
    const actions = (await conn.sendRequest("textDocument/codeAction", { textDocument: { uri }, range, context: { diagnostics: [], only: ["quickfix"] } })) as {
      title: string;
      edit: { changes: Record<string, { newText: string }[]> };
    }[];
    const convert = actions.find((a) => a.title.startsWith("Convert cron to 2 OnCalendar= lines"))!;
    expect(convert.edit.changes[uri]![0]!.newText).toBe("OnCalendar=*-*-01,15 00:00:00\nOnCalendar=Fri *-*-* 00:00:00");
  });
});
