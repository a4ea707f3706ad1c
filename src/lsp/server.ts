import {
  createConnection,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Hover,
} from "vscode-languageserver/node.js";
import { TextDocument } from "vscode-languageserver-textdocument";
import { existsSync } from "node:fs";
import { dirname, relative, sep } from "node:path";
import { isIgnored, lintOptionsFor } from "../config/config.js";
import { lintSources } from "../linter/lint.js";
import { findConfigFile, loadConfig } from "../node/config-discovery.js";
import { parseFile } from "../model/unit-file.js";
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

export interface ServerOptions {
  /** Delay between the last keystroke and re-linting, in ms. */
  debounceMs?: number;
  /** Zone of the next elapses and runs in hovers (default: the machine's; the client may set `initializationOptions.timezone`). */
  timezone?: string;
}

function validZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Start the language server on the given streams (stdio for `unitlint lsp`). */
export function startServer(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, opts: ServerOptions = {}): Connection {
  const connection = createConnection(input, output);
  const documents = new TextDocuments(TextDocument);
  const knowledge = defaultKnowledge();
  const debounceMs = opts.debounceMs ?? 150;
  let workspace = new Workspace(null);
  const timers = new Map<string, NodeJS.Timeout>();
  let timezone = opts.timezone;

  connection.onInitialize((params) => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? null;
    workspace = new Workspace(folder ? uriToPath(folder) : null);
    workspace.scan();
    const init = params.initializationOptions as { timezone?: unknown } | undefined;
    if (typeof init?.timezone === "string" && init.timezone !== "") {
      if (validZone(init.timezone)) timezone = init.timezone;
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
    const byPath = scheduleKindOf(workspace.display(pathOf(doc.uri)));
    if (byPath) return byPath;
    return doc.languageId === "crontab" ? "crontab" : undefined;
  };

  const validate = (doc: TextDocument) => {
    const path = pathOf(doc.uri);
    workspace.setOpen(path, doc.getText(), doc.languageId === "crontab" ? scheduleKind(doc) : undefined);
    const display = workspace.display(path);
    // The project's configuration, exactly as `unitlint check` finds it for this file.
    const loaded = loadConfig(findConfigFile(dirname(path)) ?? null, ".");
    const rel = relative(loaded.dir, path).split(sep).join("/");
    if (isIgnored(loaded.config, rel)) {
      void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: [] });
      return;
    }
    const options = lintOptionsFor(loaded.config, [rel]);
    const { findings } = lintSources(workspace.sources(), { ...options, settings: { ...options.settings, now: Date.now() } });
    const mine = findings.filter((f) => f.file === display);
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: mine.map((f) => toDiagnostic(f, doc)) });
  };

  const schedule = (doc: TextDocument, delay: number) => {
    const prev = timers.get(doc.uri);
    if (prev) clearTimeout(prev);
    timers.set(
      doc.uri,
      setTimeout(() => {
        timers.delete(doc.uri);
        const current = documents.get(doc.uri);
        if (current) validate(current);
      }, delay),
    );
  };

  documents.onDidOpen((e) => schedule(e.document, 0));
  documents.onDidChangeContent((e) => schedule(e.document, debounceMs));
  // the saved text is what other units see once the editor lets go of the file
  documents.onDidSave((e) => workspace.reread(pathOf(e.document.uri)));
  documents.onDidClose((e) => {
    workspace.close(pathOf(e.document.uri));
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  /** The open document as a unit file; null for crontabs and job files (their own features are below). */
  const parsed = (uri: string) => {
    const doc = documents.get(uri);
    if (!doc || scheduleKind(doc)) return null;
    const path = pathOf(uri);
    return { doc, file: parseFile(workspace.display(path), doc.getText()) };
  };

  connection.onHover((p): Hover | null => {
    const doc = documents.get(p.textDocument.uri);
    const kind = doc ? scheduleKind(doc) : undefined;
    if (doc && (kind === "crontab" || kind === "system-crontab")) {
      const file = parseCrontab(doc.getText(), workspace.display(pathOf(doc.uri)), kind === "crontab" ? "user" : "system");
      const h = crontabHoverAt(file, doc.offsetAt(p.position), zone());
      return h ? { contents: { kind: "markdown", value: h.markdown }, range: { start: doc.positionAt(h.range.start), end: doc.positionAt(h.range.end) } } : null;
    }
    if (doc && kind === "jobs") {
      const h = jobsHoverAt(parseJobsFile(doc.getText(), workspace.display(pathOf(doc.uri))), doc.offsetAt(p.position), zone());
      return h ? { contents: { kind: "markdown", value: h.markdown }, range: { start: doc.positionAt(h.range.start), end: doc.positionAt(h.range.end) } } : null;
    }
    const x = parsed(p.textDocument.uri);
    if (!x) return null;
    const offset = x.doc.offsetAt(p.position);
    const h = hoverAt(x.file, offset, knowledge, zone());
    if (!h) return null;
    return { contents: { kind: "markdown", value: h.markdown }, range: { start: x.doc.positionAt(h.range.start), end: x.doc.positionAt(h.range.end) } };
  });

  connection.onCompletion((p) => {
    const x = parsed(p.textDocument.uri);
    if (!x) return [];
    const unitNames = workspace.paths().map((q) => q.slice(q.lastIndexOf("/") + 1)).filter((n) => !n.endsWith(".conf"));
    return completions({ ast: x.file.ast, offset: x.doc.offsetAt(p.position), type: x.file.name.type, unitNames, knowledge });
  });

  connection.onCodeAction((p) => {
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
      const unitFile = workspace.paths().map((q) => workspace.display(q)).find((d) => /\.(service|timer)$/.test(d) && !/\.d\//.test(d) && !d.startsWith("/"));
      const folder = unitFile && unitFile.includes("/") ? unitFile.slice(0, unitFile.lastIndexOf("/")) : "";
      const convert = crontabTimerAction(file, lines, doc, p.textDocument.uri, {
        folder,
        uri: (d) => pathToUri(workspace.absolute(d)),
        exists: (d) => workspace.text(workspace.absolute(d)) !== undefined || existsSync(workspace.absolute(d)),
      });
      if (convert) actions.push(convert);
    }
    return actions;
  });

  connection.onDocumentSymbol((p) => {
    const doc = documents.get(p.textDocument.uri);
    const kind = doc ? scheduleKind(doc) : undefined;
    if (doc && (kind === "crontab" || kind === "system-crontab")) return crontabSymbols(parseCrontab(doc.getText(), workspace.display(pathOf(doc.uri)), kind === "crontab" ? "user" : "system"), doc);
    const x = parsed(p.textDocument.uri);
    return x ? documentSymbols(x.file.ast, x.doc) : [];
  });

  connection.onDefinition((p) => {
    const x = parsed(p.textDocument.uri);
    if (!x) return null;
    const name = unitNameAt(x.file.ast, x.doc.offsetAt(p.position));
    if (!name) return null;
    const byName = new Map(workspace.paths().map((q) => [q.slice(q.lastIndexOf("/") + 1), q]));
    return definition(name, byName, pathToUri);
  });

  connection.onShutdown(() => {
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}
