// The language server under malformed messages, huge documents, crashing
// lints and the LSP lifecycle: it must keep serving and follow the protocol.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node.js";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { startServer } from "../../src/lsp/server.js";
import { BIN, ensureBin, tempDir } from "../helpers/cli.js";

interface Diag {
  message: string;
  code?: string;
}

interface Server {
  proc: ChildProcess;
  conn: MessageConnection;
  root: string;
  diagnostics: Map<string, Diag[][]>;
  logs: string[];
  exited: Promise<number | null>;
}

let current: Server | undefined;

async function start(initialize = true): Promise<Server> {
  ensureBin();
  const root = tempDir("unitlint-lsp-hostile-");
  const proc = spawn(process.execPath, [BIN, "lsp", "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
  const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const diagnostics = new Map<string, Diag[][]>();
  const logs: string[] = [];
  conn.onNotification("textDocument/publishDiagnostics", (p: { uri: string; diagnostics: Diag[] }) => {
    diagnostics.set(p.uri, [...(diagnostics.get(p.uri) ?? []), p.diagnostics]);
  });
  conn.onNotification("window/logMessage", (p: { message: string }) => void logs.push(p.message));
  conn.listen();
  const s = { proc, conn, root, diagnostics, logs, exited };
  current = s;
  if (initialize) {
    await conn.sendRequest("initialize", { processId: null, rootUri: pathToFileURL(root).href, capabilities: {} });
    await conn.sendNotification("initialized", {});
  }
  return s;
}

afterEach(() => {
  current?.conn.dispose();
  current?.proc.kill();
  current = undefined;
});

function waitFor<T>(what: string, get: () => T | undefined): Promise<T> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const poll = () => {
      const v = get();
      if (v !== undefined) return resolve(v);
      if (Date.now() - t0 > 20_000) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(poll, 20);
    };
    poll();
  });
}

const nth = (s: Server, uri: string, n: number) => waitFor(`diagnostics #${n} for ${uri}`, () => s.diagnostics.get(uri)?.[n - 1]);

/** The server still answers: open a good document and get its diagnostics. */
async function stillServes(s: Server, name = "alive.service"): Promise<void> {
  const uri = pathToFileURL(join(s.root, name)).href;
  await s.conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "systemd", version: 1, text: "[Servce]\n" } });
  const d = await nth(s, uri, 1);
  expect(d.some((x) => x.code === "syntax/unknown-section")).toBe(true);
  expect(s.proc.exitCode).toBeNull();
}

describe("language server: hostile messages", () => {
  it("survives malformed didOpen, didChange, didClose and requests", async () => {
    const s = await start();
    const uri = pathToFileURL(join(s.root, "a.service")).href;
    await s.conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "systemd", version: 1, text: 42 } });
    await s.conn.sendNotification("textDocument/didOpen", { textDocument: { languageId: "systemd", version: 1, text: "[Unit]\n" } });
    await s.conn.sendNotification("textDocument/didOpen", { textDocument: null });
    await s.conn.sendNotification("textDocument/didOpen", {});
    await s.conn.sendNotification("textDocument/didChange", { textDocument: { uri, version: 2 }, contentChanges: [{ text: 1 }] });
    await s.conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "systemd", version: 1, text: "[Unit]\n" } });
    await nth(s, uri, 1);
    await s.conn.sendNotification("textDocument/didChange", {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: "x", range: { start: { line: -1 } } }],
    });
    await s.conn.sendNotification("textDocument/didChange", { textDocument: { uri, version: 2 }, contentChanges: "nope" });
    await s.conn.sendNotification("textDocument/didClose", {});
    await expect(s.conn.sendRequest("textDocument/hover", { textDocument: { uri }, position: { line: "x" } })).rejects.toThrow(/position/);
    await expect(s.conn.sendRequest("textDocument/hover", {})).rejects.toThrow(/uri/);
    await expect(
      s.conn.sendRequest("textDocument/codeAction", { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }),
    ).rejects.toThrow();
    await stillServes(s);
    expect(s.logs.some((l) => l.includes("ignored textDocument/didOpen"))).toBe(true);
  }, 60_000);

  it("says a document over check's size limit is too large instead of linting it, and lints it again once it is small", async () => {
    const s = await start();
    const uri = pathToFileURL(join(s.root, "big.service")).href;
    const big = "[Service]\n" + "Environment=A=1\n".repeat(700_000); // 11 MB
    await s.conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "systemd", version: 1, text: big } });
    const d = await nth(s, uri, 1);
    expect(d).toHaveLength(1);
    expect(d[0]!.message).toMatch(/^document is 10\.\d MiB, larger than the 4 MiB unitlint reads \(unit files are a few KiB\); not checked$/);
    // hovers and symbols on it are empty, not a parse of 11 MB
    expect(await s.conn.sendRequest("textDocument/documentSymbol", { textDocument: { uri } })).toEqual([]);
    await s.conn.sendNotification("textDocument/didChange", { textDocument: { uri, version: 2 }, contentChanges: [{ text: "[Servce]\n" }] });
    const again = await nth(s, uri, 2);
    expect(again.some((x) => x.code === "syntax/unknown-section")).toBe(true);
  }, 60_000);

  it("keeps serving when a lint throws (a bug in a rule): the error is logged", async () => {
    // In process, with a lint that throws for one document: the only way to provoke a crash no rule has today.
    const toServer = new PassThrough();
    const fromServer = new PassThrough();
    startServer(toServer, fromServer, {
      debounceMs: 0,
      beforeLint: (uri) => {
        if (uri.endsWith("boom.service")) throw new Error("planted crash");
      },
    });
    const conn = createMessageConnection(new StreamMessageReader(fromServer), new StreamMessageWriter(toServer));
    const diagnostics = new Map<string, Diag[][]>();
    const logs: string[] = [];
    conn.onNotification(
      "textDocument/publishDiagnostics",
      (p: { uri: string; diagnostics: Diag[] }) => void diagnostics.set(p.uri, [...(diagnostics.get(p.uri) ?? []), p.diagnostics]),
    );
    conn.onNotification("window/logMessage", (p: { message: string }) => void logs.push(p.message));
    conn.listen();
    try {
      await conn.sendRequest("initialize", { processId: null, rootUri: null, capabilities: {} });
      await conn.sendNotification("initialized", {});
      await conn.sendNotification("textDocument/didOpen", {
        textDocument: { uri: "file:///nowhere/boom.service", languageId: "systemd", version: 1, text: "[Unit]\n" },
      });
      await conn.sendNotification("textDocument/didOpen", {
        textDocument: { uri: "file:///nowhere/ok.service", languageId: "systemd", version: 1, text: "[Servce]\n" },
      });
      const ok = await waitFor("diagnostics of ok.service", () => diagnostics.get("file:///nowhere/ok.service")?.[0]);
      expect(ok.some((x) => x.code === "syntax/unknown-section")).toBe(true);
      await waitFor("the crash logged", () => logs.find((l) => l.includes("boom.service failed") && l.includes("planted crash")));
      expect(diagnostics.get("file:///nowhere/boom.service")).toEqual([[]]);
    } finally {
      conn.dispose();
    }
  }, 60_000);

  it("follows the lifecycle: no requests before initialize or after shutdown, exit code 0 after shutdown", async () => {
    const s = await start(false);
    await expect(
      s.conn.sendRequest("textDocument/hover", { textDocument: { uri: "file:///a.service" }, position: { line: 0, character: 0 } }),
    ).rejects.toMatchObject({ code: -32002 });
    await s.conn.sendRequest("initialize", { processId: null, rootUri: pathToFileURL(s.root).href, capabilities: {} });
    await s.conn.sendNotification("initialized", {});
    await s.conn.sendRequest("shutdown");
    await expect(
      s.conn.sendRequest("textDocument/hover", { textDocument: { uri: "file:///a.service" }, position: { line: 0, character: 0 } }),
    ).rejects.toMatchObject({ code: -32600 });
    const uri = pathToFileURL(join(s.root, "late.service")).href;
    await s.conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "systemd", version: 1, text: "[Servce]\n" } });
    await new Promise((r) => setTimeout(r, 300));
    expect(s.diagnostics.get(uri)).toBeUndefined();
    await s.conn.sendNotification("exit");
    expect(await s.exited).toBe(0);
  }, 60_000);
});
