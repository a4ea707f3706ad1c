import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lintProject } from "../../src/linter/project.js";
import { ProjectConfigs } from "../../src/node/project-config.js";
import { timeZoneSetting } from "../../src/node/time-zone.js";
import { BIN, ensureBin, run, tempDir } from "../helpers/cli.js";

// One project, linted three ways: `unitlint check`, the language server and the library. The configuration
// uses what makes files differ (overrides with their own mode, target and severities; a preset; ignore
// globs; a suppression), so any place that applied it its own way would show here.
const CONFIG = {
  preset: ["strict"],
  targetSystemd: 240,
  rules: { "directives/deprecated-directive": "error", "hardening/no-new-privileges": "warning" },
  externalUnits: ["postgresql.service"],
  ignore: ["vendor/**"],
  overrides: [
    { files: ["user/**"], mode: "user", rules: { "directives/deprecated-directive": "off" } },
    { files: ["legacy/**"], targetSystemd: [252], rules: { "directives/deprecated-directive": "info" } },
  ],
};

const SERVICE = [
  "[Unit]",
  "Description=App",
  "After=postgresql.service network.target",
  "Wants=app-worker.servce",
  "",
  "[Service]",
  "ExecStart=/usr/bin/app",
  "MemoryLimit=1G",
  "ProtectClock=yes",
  "OOMPolicy=stop",
  "# unitlint-disable-next-line values/deprecated-value",
  "StandardOutput=syslog",
  "StandardError=syslog",
  "User=app",
  "",
  "[Install]",
  "WantedBy=multi-user.target",
  "",
].join("\n");

const FILES: Record<string, string> = {
  "unitlint.config.json": JSON.stringify(CONFIG, null, 2),
  "etc/app.service": SERVICE,
  "etc/app-worker@.service": "[Unit]\nDescription=Worker %i\nPartOf=app.service\n\n[Service]\nExecStart=/usr/bin/worker %i\nRestart=always\n",
  "etc/nightly.timer": "[Unit]\nDescription=Nightly\n\n[Timer]\nOnCalendar=*-*-* 03:00\nPersistent=true\n\n[Install]\nWantedBy=timers.target\n",
  "etc/nightly.service": "[Unit]\nDescription=Nightly job\n\n[Service]\nType=oneshot\nExecStart=/usr/bin/job\n",
  "legacy/app.service": SERVICE,
  "user/sync.service":
    "[Unit]\nDescription=Sync\n\n[Service]\nExecStart=/usr/bin/sync-files\nMemoryLimit=1G\nUser=nobody\n\n[Install]\nWantedBy=multi-user.target\n",
  "vendor/broken.service": "[Servce]\nExecStart=relative\n",
};

interface Row {
  file: string;
  line: number;
  column: number;
  rule: string;
  severity: string;
  message: string;
}

const key = (r: Row) => `${r.file}:${r.line}:${r.column} ${r.rule} ${r.severity} ${r.message}`;
const sorted = (rows: Row[]) => rows.map(key).sort();

let root: string;
const lintable = () => Object.keys(FILES).filter((f) => !f.endsWith(".json"));

beforeAll(() => {
  ensureBin();
  root = tempDir("unitlint-same-");
  for (const [name, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
});

function viaCli(): Row[] {
  const r = run(["check", ".", "--format", "json"], { cwd: root });
  expect(r.code, r.stderr).toBe(1);
  return (JSON.parse(r.stdout) as Row[]).map(({ file, line, column, rule, severity, message }) => ({ file, line, column, rule, severity, message }));
}

function viaLibrary(): Row[] {
  const configs = new ProjectConfigs({ run: { now: Date.now(), timeZone: timeZoneSetting(undefined, process.env) } });
  const sources = lintable()
    .map((name) => join(root, name))
    .filter((path) => !configs.for(path).ignored)
    .map((path) => ({ path, text: readFileSync(path, "utf8") }));
  const { findings } = lintProject(sources, { configFor: (path) => configs.for(path).config });
  return findings.map((f) => ({ file: relative(root, f.file), line: f.line, column: f.column, rule: f.rule, severity: f.severity, message: f.message }));
}

interface Diag {
  range: { start: { line: number; character: number } };
  code: string;
  message: string;
  severity: number;
}

async function viaLanguageServer(): Promise<Row[]> {
  const proc: ChildProcess = spawn(process.execPath, [BIN, "lsp", "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  const conn: MessageConnection = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const published = new Map<string, Diag[]>();
  conn.onNotification("textDocument/publishDiagnostics", (p: { uri: string; diagnostics: Diag[] }) => published.set(p.uri, p.diagnostics));
  conn.listen();
  try {
    await conn.sendRequest("initialize", {
      processId: null,
      rootUri: pathToFileURL(root).href,
      capabilities: {},
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: "w" }],
    });
    await conn.sendNotification("initialized", {});
    const rows: Row[] = [];
    const names = { 1: "error", 2: "warning", 3: "info" } as Record<number, string>;
    for (const name of lintable()) {
      const uri = pathToFileURL(join(root, name)).href;
      await conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "systemd", version: 1, text: FILES[name] } });
      const t0 = Date.now();
      while (!published.has(uri)) {
        if (Date.now() - t0 > 20_000) throw new Error(`no diagnostics for ${name}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      for (const d of published.get(uri)!)
        rows.push({
          file: name,
          line: d.range.start.line + 1,
          column: d.range.start.character + 1,
          rule: d.code,
          severity: names[d.severity]!,
          message: d.message,
        });
    }
    await conn.sendRequest("shutdown");
    await conn.sendNotification("exit");
    return rows;
  } finally {
    conn.dispose();
    proc.kill();
  }
}

describe("one lint run for the command line, the editor and the library", () => {
  let cli: Row[];
  beforeAll(() => {
    cli = viaCli();
  });

  it("the configuration makes the files differ, as it says", () => {
    const at = (file: string, rule: string) => cli.filter((r) => r.file === file && r.rule === rule).map((r) => r.severity);
    // deprecated-directive: error by the config, info under legacy/, off under user/
    expect(at("etc/app.service", "directives/deprecated-directive")).toContain("error");
    expect(at("legacy/app.service", "directives/deprecated-directive")).toEqual(at("etc/app.service", "directives/deprecated-directive").map(() => "info"));
    expect(at("user/sync.service", "directives/deprecated-directive")).toEqual([]);
    // target 240 flags settings systemd 240 does not know; legacy/ targets 252
    expect(at("etc/app.service", "directives/newer-than-target").length).toBeGreaterThan(0);
    expect(at("legacy/app.service", "directives/newer-than-target")).toEqual([]);
    // the suppression holds, the ignored folder is not checked
    expect(cli.some((r) => r.rule === "values/deprecated-value" && r.line === 12)).toBe(false);
    expect(cli.some((r) => r.file.startsWith("vendor/"))).toBe(false);
    // the user-mode override: a user unit wanted by a system target
    expect(new Set(cli.filter((r) => r.file === "user/sync.service").map((r) => r.rule)).size).toBeGreaterThan(0);
  });

  it("the library gives the command line's findings", () => {
    expect(sorted(viaLibrary())).toEqual(sorted(cli));
  });

  it("the language server gives the command line's findings, file by file", async () => {
    expect(sorted(await viaLanguageServer())).toEqual(sorted(cli));
  }, 60_000);
});

afterAll(() => {});
