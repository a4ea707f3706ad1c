import {
  createConnection,
  DiagnosticSeverity,
  ErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  type Connection,
  type Hover,
} from "vscode-languageserver/node.js";
import { TextDocument, type TextDocumentContentChangeEvent } from "vscode-languageserver-textdocument";
import { existsSync } from "node:fs";
import { lintProject } from "../linter/project.js";
import { ProjectConfigs } from "../node/project-config.js";
import { nodeZoneSource, timeZoneSetting } from "../node/time-zone.js";
import { parseFile, type UnitFile } from "../model/unit-file.js";
import { textRefusal } from "../node/limits.js";
import { toDiagnostic } from "./diagnostics.js";
import { codeActions, completions, crontabSymbols, definition, documentSymbols, unitNameAt } from "./features.js";
import { hardeningAction } from "./hardening-action.js";
import { cronCalendarActions } from "./cron-action.js";
import { crontabTimerAction } from "./crontab-action.js";
import { crontabHoverAt, hoverAt, jobsHoverAt } from "./hover.js";
import { parseJobsFile } from "../jobs/index.js";
import { parseCrontab } from "../crontab/index.js";
import { scheduleKindOf, type ScheduleKind } from "../model/schedule-file.js";
import { defaultKnowledge } from "./knowledge-impl.js";
import { pathToUri, uriToPath, Workspace } from "./workspace.js";
import type { WorkspaceUnit } from "./name-hover.js";
import { sep } from "node:path";

interface ServerOptions {
  /** Delay between the last keystroke and re-linting, in ms. */
  debounceMs?: number;
  /** Zone of the next elapses and runs in hovers (default: the machine's; the client may set `initializationOptions.timezone`). */
  timezone?: string;
  /** Called before each lint of a document (tests make it throw, to check that a crashing rule does not stop the server). */
  beforeLint?: (uri: string) => void;
}

/** Start the language server on the given streams (stdio for `unitlint lsp`). */
export function startServer(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, opts: ServerOptions = {}): Connection {
  const connection = createConnection(input, output);
  /**
   * The open documents. Kept here rather than by TextDocuments so that every
   * incoming notification is checked before it touches anything: a `didOpen`
   * whose text is not a string, or with no uri, once killed the server.
   */
  const docs = new Map<string, TextDocument>();
  /** Open documents over the limits `check` has (size, lines): they get one diagnostic saying so and are never parsed. */
  const refused = new Map<string, string>();
  const documents = { get: (uri: string) => (refused.has(uri) ? undefined : docs.get(uri)) };
  /** LSP lifecycle: requests before `initialize` and after `shutdown` are errors, notifications then are dropped. */
  let state: "new" | "running" | "shutdown" = "new";
  const knowledge = defaultKnowledge();
  const debounceMs = opts.debounceMs ?? 150;
  let workspace = new Workspace(null);
  const timers = new Map<string, NodeJS.Timeout>();
  let timezone = opts.timezone;
  // The machine's zoneinfo files, as for `check`; loaded zones stay cached for the session.
  const zones = nodeZoneSource();

  connection.onInitialize((params) => {
    if (state === "shutdown") throw new ResponseError(ErrorCodes.InvalidRequest, "the server is shutting down");
    state = "running";
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? null;
    workspace = new Workspace(folder ? uriToPath(folder) : null);
    workspace.scan();
    const init = params.initializationOptions as { timezone?: unknown } | undefined;
    if (typeof init?.timezone === "string" && init.timezone !== "") {
      if (zones.load(init.timezone) !== undefined) timezone = init.timezone;
      else connection.console.warn(`unitlint: unknown time zone '${init.timezone}' in initializationOptions.timezone; using the machine's`);
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ["[", "=", "%", " "] },
        codeActionProvider: true,
        documentSymbolProvider: true,
        definitionProvider: true,
      },
      serverInfo: { name: "unitlint" },
    };
  });

  const pathOf = (uri: string) => uriToPath(uri) ?? uri;
  const zone = () => (timezone ? { tz: timezone } : {});

  /**
   * What a document is: a crontab or job file when its path says so (as for
   * `unitlint check`), a user crontab when the editor's language id is
   * `crontab` (such files have no telling name), else a unit file or drop-in.
   */
  const scheduleKind = (doc: TextDocument): ScheduleKind | undefined => {
    const byPath = scheduleKindOf(workspace.display(pathOf(doc.uri)), doc.getText());
    if (byPath) return byPath;
    return doc.languageId === "crontab" ? "crontab" : undefined;
  };

  /** The workspace's files as the last lint parsed them, by path: unchanged ones are not parsed again. */
  const trees = new Map<string, UnitFile>();

  const validate = (doc: TextDocument) => {
    opts.beforeLint?.(doc.uri);
    const path = pathOf(doc.uri);
    const refusal = refused.get(doc.uri);
    if (refusal !== undefined) {
      // What check says of such a file, where the editor shows it; the rest of the workspace keeps the file's saved text.
      workspace.close(path);
      const diagnostic = {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Error,
        source: "unitlint",
        message: refusal,
      };
      void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: [diagnostic] });
      return;
    }
    workspace.setOpen(path, doc.getText(), doc.languageId === "crontab" ? scheduleKind(doc) : undefined);
    const display = workspace.display(path);
    // Each file's configuration, exactly as `unitlint check` finds it (config files may change while the server runs: no memo).
    // The timer rules' zone: the one the editor set (initializationOptions.timezone), else the machine's, as for `check`.
    const configs = new ProjectConfigs({ run: { now: Date.now(), timeZone: timeZoneSetting(timezone, process.env, zones), zones } });
    if (configs.for(path).ignored) {
      void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: [] });
      return;
    }
    const configOf = (name: string) => configs.for(workspace.absolute(name));
    // As for `check`, a file the config ignores is not part of the set either.
    // The other files complete the set; only this one's findings are shown, so the others are context (LintSource.context).
    // A file whose text did not change since the last lint is not parsed again (LintSource.parsed).
    const sources = workspace
      .sources()
      .filter((s) => !configOf(s.path).ignored)
      .map((s) => ({ ...s, context: s.path !== display, ...(trees.has(s.path) ? { parsed: trees.get(s.path)! } : {}) }));
    const { findings, files } = lintProject(sources, { configFor: (name) => configOf(name).config });
    trees.clear();
    for (const f of files) trees.set(f.path, f);
    const mine = findings.filter((f) => f.file === display);
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: mine.map((f) => toDiagnostic(f, doc)) });
  };

  /** A lint that throws (a bug in a rule) is logged and the server keeps serving; the document's old diagnostics are cleared. */
  const guardedValidate = (doc: TextDocument) => {
    try {
      validate(doc);
    } catch (e) {
      connection.console.error(`unitlint: linting ${doc.uri} failed (please report this): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      try {
        void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: [] });
      } catch {
        /* the connection is gone */
      }
    }
  };

  const schedule = (doc: TextDocument, delay: number) => {
    const prev = timers.get(doc.uri);
    if (prev) clearTimeout(prev);
    timers.set(
      doc.uri,
      setTimeout(() => {
        timers.delete(doc.uri);
        const current = docs.get(doc.uri);
        if (current && state === "running") guardedValidate(current);
      }, delay),
    );
  };

  /**
   * Every request handler: refused before `initialize` and after `shutdown`, refused when its
   * document or position is malformed, and logged (the server keeps serving) when it throws.
   */
  function request<P, R>(handler: (p: P) => R): (p: P) => R {
    return (p: P): R => {
      if (state === "new") throw new ResponseError(ErrorCodes.ServerNotInitialized, "the server is not initialized");
      if (state === "shutdown") throw new ResponseError(ErrorCodes.InvalidRequest, "the server is shutting down");
      const q = p as { textDocument?: { uri?: unknown }; position?: unknown; range?: unknown } | null;
      if (!isObject(q) || !isObject(q.textDocument) || typeof q.textDocument.uri !== "string")
        throw new ResponseError(ErrorCodes.InvalidParams, "no textDocument.uri");
      if ("position" in q && !isPosition(q.position)) throw new ResponseError(ErrorCodes.InvalidParams, "malformed position");
      if ("range" in q && !isRange(q.range)) throw new ResponseError(ErrorCodes.InvalidParams, "malformed range");
      try {
        return handler(p);
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        connection.console.error(
          `unitlint: a request on ${q.textDocument.uri} failed (please report this): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
        );
        throw new ResponseError(ErrorCodes.InternalError, `unitlint: ${e instanceof Error ? e.message : String(e)}`);
      }
    };
  }

  /** A notification that is not what the protocol says is logged and dropped. */
  const drop = (method: string, why: string) => connection.console.warn(`unitlint: ignored ${method}: ${why}`);
  const accepting = () => state === "running";
  const checkSize = (doc: TextDocument) => {
    const refusal = textRefusal(doc.getText());
    if (refusal === undefined) refused.delete(doc.uri);
    else refused.set(doc.uri, refusal.replace(/^file /, "document "));
  };

  connection.onDidOpenTextDocument((p: unknown) => {
    if (!accepting()) return;
    const td = (p as { textDocument?: unknown } | null)?.textDocument as Record<string, unknown> | undefined;
    if (!isObject(td)) return drop("textDocument/didOpen", "no textDocument");
    if (typeof td["uri"] !== "string" || td["uri"] === "") return drop("textDocument/didOpen", "no uri");
    if (typeof td["text"] !== "string") return drop("textDocument/didOpen", `${td["uri"]}: text is not a string`);
    const version = Number.isInteger(td["version"]) ? (td["version"] as number) : 0;
    const languageId = typeof td["languageId"] === "string" ? td["languageId"] : "";
    const doc = TextDocument.create(td["uri"], languageId, version, td["text"]);
    docs.set(doc.uri, doc);
    checkSize(doc);
    schedule(doc, 0);
  });

  connection.onDidChangeTextDocument((p: unknown) => {
    if (!accepting()) return;
    const q = p as { textDocument?: { uri?: unknown; version?: unknown }; contentChanges?: unknown } | null;
    const uri = q?.textDocument?.uri;
    if (typeof uri !== "string") return drop("textDocument/didChange", "no uri");
    const doc = docs.get(uri);
    if (!doc) return drop("textDocument/didChange", `${uri} is not open`);
    const changes = q?.contentChanges;
    if (!Array.isArray(changes) || !changes.every(isChange)) return drop("textDocument/didChange", `${uri}: malformed contentChanges`);
    const version = Number.isInteger(q?.textDocument?.version) ? (q!.textDocument!.version as number) : doc.version + 1;
    const updated = TextDocument.update(doc, changes as TextDocumentContentChangeEvent[], version);
    docs.set(uri, updated);
    checkSize(updated);
    schedule(updated, debounceMs);
  });

  // the saved text is what other units see once the editor lets go of the file
  connection.onDidSaveTextDocument((p: unknown) => {
    if (!accepting()) return;
    const uri = (p as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri;
    if (typeof uri !== "string") return drop("textDocument/didSave", "no uri");
    workspace.reread(pathOf(uri));
  });

  connection.onDidCloseTextDocument((p: unknown) => {
    if (!accepting()) return;
    const uri = (p as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri;
    if (typeof uri !== "string") return drop("textDocument/didClose", "no uri");
    const t = timers.get(uri);
    if (t) clearTimeout(t);
    timers.delete(uri);
    docs.delete(uri);
    refused.delete(uri);
    workspace.close(pathOf(uri));
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  /** The open document as a unit file; null for crontabs and job files (their own features are below). */
  const parsed = (uri: string) => {
    const doc = documents.get(uri);
    if (!doc || scheduleKind(doc)) return null;
    const path = pathOf(uri);
    return { doc, file: parseFile(workspace.display(path), doc.getText()) };
  };

  /** A unit of the workspace by name (the editor's text where it is open), with its Description=. */
  const workspaceUnit = (name: string): WorkspaceUnit | undefined => {
    const path = workspace.paths().find((p) => p.slice(p.lastIndexOf(sep) + 1) === name);
    const text = path === undefined ? undefined : workspace.text(path);
    if (path === undefined || text === undefined) return undefined;
    const description = parseFile(path, text)
      .ast.sections.find((s) => s.name === "Unit")
      ?.entries.filter((e) => e.key === "Description")
      .at(-1)?.value;
    return { path: workspace.display(path), ...(description ? { description } : {}) };
  };

  connection.onHover(
    request((p): Hover | null => {
      const doc = documents.get(p.textDocument.uri);
      const kind = doc ? scheduleKind(doc) : undefined;
      if (doc && (kind === "crontab" || kind === "system-crontab")) {
        const file = parseCrontab(doc.getText(), workspace.display(pathOf(doc.uri)), kind === "crontab" ? "user" : "system");
        const h = crontabHoverAt(file, doc.offsetAt(p.position), zone());
        return h
          ? { contents: { kind: "markdown", value: h.markdown }, range: { start: doc.positionAt(h.range.start), end: doc.positionAt(h.range.end) } }
          : null;
      }
      if (doc && kind === "jobs") {
        const h = jobsHoverAt(parseJobsFile(doc.getText(), workspace.display(pathOf(doc.uri))), doc.offsetAt(p.position), zone());
        return h
          ? { contents: { kind: "markdown", value: h.markdown }, range: { start: doc.positionAt(h.range.start), end: doc.positionAt(h.range.end) } }
          : null;
      }
      const x = parsed(p.textDocument.uri);
      if (!x) return null;
      const offset = x.doc.offsetAt(p.position);
      const h = hoverAt(x.file, offset, knowledge, { ...zone(), units: workspaceUnit });
      if (!h) return null;
      return { contents: { kind: "markdown", value: h.markdown }, range: { start: x.doc.positionAt(h.range.start), end: x.doc.positionAt(h.range.end) } };
    }),
  );

  connection.onCompletion(
    request((p) => {
      const x = parsed(p.textDocument.uri);
      if (!x) return [];
      const unitNames = workspace
        .paths()
        .map((q) => q.slice(q.lastIndexOf("/") + 1))
        .filter((n) => !n.endsWith(".conf"));
      return completions({ ast: x.file.ast, offset: x.doc.offsetAt(p.position), type: x.file.name.type, unitNames, knowledge });
    }),
  );

  connection.onCodeAction(
    request((p) => {
      const doc = documents.get(p.textDocument.uri);
      if (!doc) return [];
      const actions = codeActions(p.context.diagnostics, p.textDocument.uri, doc);
      const unit = parsed(p.textDocument.uri);
      if (unit && (!p.context.only || p.context.only.some((k) => k === "quickfix" || k.startsWith("quickfix")))) {
        const lines = { start: doc.offsetAt({ line: p.range.start.line, character: 0 }), end: doc.offsetAt({ line: p.range.end.line + 1, character: 0 }) };
        actions.push(...cronCalendarActions(unit.file.ast, lines, p.textDocument.uri, doc, p.context.diagnostics));
      }
      const only = p.context.only;
      if (!only || only.some((k) => k === "refactor" || k.startsWith("refactor."))) {
        const path = pathOf(p.textDocument.uri);
        const harden = hardeningAction(
          workspace.sources(),
          workspace.display(path),
          (d) => pathToUri(workspace.absolute(d)),
          (d) => workspace.text(workspace.absolute(d)) !== undefined || existsSync(workspace.absolute(d)),
        );
        if (harden) actions.push(harden);
      }
      const kind = scheduleKind(doc);
      if ((kind === "crontab" || kind === "system-crontab") && workspace.root && (!only || only.some((k) => k === "refactor" || k.startsWith("refactor.")))) {
        const file = parseCrontab(doc.getText(), workspace.display(pathOf(doc.uri)), kind === "crontab" ? "user" : "system");
        const lines = { start: doc.offsetAt({ line: p.range.start.line, character: 0 }), end: doc.offsetAt({ line: p.range.end.line + 1, character: 0 }) };
        // next to the workspace's units (their folder), else at the workspace root
        const unitFile = workspace
          .paths()
          .map((q) => workspace.display(q))
          .find((d) => /\.(service|timer)$/.test(d) && !/\.d\//.test(d) && !d.startsWith("/"));
        const folder = unitFile && unitFile.includes("/") ? unitFile.slice(0, unitFile.lastIndexOf("/")) : "";
        const convert = crontabTimerAction(file, lines, doc, p.textDocument.uri, {
          folder,
          uri: (d) => pathToUri(workspace.absolute(d)),
          exists: (d) => workspace.text(workspace.absolute(d)) !== undefined || existsSync(workspace.absolute(d)),
        });
        if (convert) actions.push(convert);
      }
      return actions;
    }),
  );

  connection.onDocumentSymbol(
    request((p) => {
      const doc = documents.get(p.textDocument.uri);
      const kind = doc ? scheduleKind(doc) : undefined;
      if (doc && (kind === "crontab" || kind === "system-crontab"))
        return crontabSymbols(parseCrontab(doc.getText(), workspace.display(pathOf(doc.uri)), kind === "crontab" ? "user" : "system"), doc);
      const x = parsed(p.textDocument.uri);
      return x ? documentSymbols(x.file.ast, x.doc) : [];
    }),
  );

  connection.onDefinition(
    request((p) => {
      const x = parsed(p.textDocument.uri);
      if (!x) return null;
      const name = unitNameAt(x.file.ast, x.doc.offsetAt(p.position));
      if (!name) return null;
      const byName = new Map(workspace.paths().map((q) => [q.slice(q.lastIndexOf("/") + 1), q]));
      return definition(name, byName, pathToUri);
    }),
  );

  connection.onShutdown(() => {
    // From here on every request but `exit` is an error and nothing is linted (the library answers `exit`).
    state = "shutdown";
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
  });

  connection.listen();
  return connection;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

const isIndex = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;

function isPosition(x: unknown): boolean {
  return isObject(x) && isIndex(x["line"]) && isIndex(x["character"]);
}

function isRange(x: unknown): boolean {
  return isObject(x) && isPosition(x["start"]) && isPosition(x["end"]);
}

/** A content change: the whole text, or a range and its replacement. */
function isChange(x: unknown): boolean {
  return isObject(x) && typeof x["text"] === "string" && (x["range"] === undefined || isRange(x["range"]));
}
