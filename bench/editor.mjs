// Editor latency: the language server's work per keystroke (in-process, on a
// 200-line unit) and the browser playground (bundle size; findings after a
// keystroke in headless Chromium when it is installed).
// Usage: npm run build && node bench/editor.mjs [--write]
/* global window */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { gzipSync } from "node:zlib";
import { lintSources } from "../dist/lib/linter/lint.js";
import { parseFile } from "../dist/lib/model/unit-file.js";
import { crontabHoverAt, hoverAt } from "../dist/lib/lsp/hover.js";
import { parseCrontab } from "../dist/lib/crontab/index.js";
import { completions } from "../dist/lib/lsp/features.js";
import { defaultKnowledge } from "../dist/lib/lsp/knowledge-impl.js";
import { CHROMIUM, launchChromium, startPlayground } from "../scripts/lib/chromium.mjs";
import { corpusUnitFiles } from "./lib/corpus-files.mjs";
import { BIN } from "./lib/measure.mjs";

const base = readFileSync("examples/onetime-secret/etc/systemd/ots-worker@.service", "utf8");
let unit = base;
while (unit.split("\n").length < 200) unit += `\n# padding\nEnvironment=VAR${unit.length}=value\n`;
const lines = unit.split("\n").length;

function median(fn, runs = 200) {
  for (let i = 0; i < 20; i++) fn(i);
  const t = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn(i);
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)];
}

const knowledge = defaultKnowledge();
const diag = median((i) => lintSources([{ path: "ots-worker@.service", text: unit + `\nNice=${i % 19}\n` }]));
// The same change with the document in a workspace of the benchmark corpus's units: the server lints the set and shows
// the document's findings; the other files are context (their own rules do not run). "All linted" is what it did before.
const workspace = corpusUnitFiles().map((p) => ({ path: basename(p), text: readFileSync(p, "latin1"), context: true }));
const edited = (i) => ({ path: "ots-worker@.service", text: unit + `\nNice=${i % 19}\n` });
// As the server does: the others as context, and each unchanged file's tree from the last lint (LintSource.parsed).
let trees = new Map();
const diagWorkspace = median((i) => {
  const r = lintSources([edited(i), ...workspace].map((s) => (trees.has(s.path) ? { ...s, parsed: trees.get(s.path) } : s)));
  trees = new Map(r.files.map((f) => [f.path, f]));
}, 40);
const diagWorkspaceAll = median((i) => lintSources([edited(i), ...workspace.map((s) => ({ ...s, context: false }))]), 40);
const file = parseFile("ots-worker@.service", unit);
const hoverOffset = unit.indexOf("TimeoutStopSec") + 2;
const hover = median(() => hoverAt(file, hoverOffset, knowledge));
const timer = "[Timer]\nOnCalendar=Mon..Fri *-*-* 08:00\nOnCalendar=*/15 9-17 * * 1-5\n";
const timerFile = parseFile("t.timer", timer);
const calendarHover = median(() => hoverAt(timerFile, timer.indexOf("08:00"), knowledge));
const pastedCronHover = median(() => hoverAt(timerFile, timer.indexOf("1-5"), knowledge));
const crontab = "*/15 9-17 * * 1-5 root /usr/bin/report\n";
const cronHover = median(() => crontabHoverAt(parseCrontab(crontab, "cron.d/report", "system"), crontab.indexOf("1-5")));
const complete = median(() => completions({ ast: file.ast, offset: unit.indexOf("Restart=") + 3, type: "service", unitNames: [], knowledge }));

let page = "";
const app = "dist/playground/app.js";
if (existsSync(app)) {
  const js = readFileSync(app);
  page = `| playground bundle (app.js, knowledge base and calendar engine included) | ${(js.length / 1024).toFixed(0)} KiB, **${(gzipSync(js, { level: 9 }).length / 1024).toFixed(0)} KiB gzipped** (target: under 400 KiB) |\n`;
  if (CHROMIUM) {
    const { url, proc } = await startPlayground(BIN);
    const browser = await launchChromium();
    try {
      const p = await browser.newPage();
      await p.goto(url);
      await p.click("#editor .cm-content");
      await p.keyboard.press("Control+A");
      await p.keyboard.insertText(unit);
      await p.waitForTimeout(500);
      const samples = [];
      for (let i = 0; i < 15; i++) {
        const before = await p.evaluate(() => window.__unitlint.timings.length);
        const t0 = Date.now();
        await p.keyboard.type("x");
        await p.waitForFunction((n) => window.__unitlint.timings.length > n, before);
        samples.push({ wall: Date.now() - t0, lint: await p.evaluate(() => window.__unitlint.timings.at(-1)) });
      }
      samples.sort((a, b) => a.lint - b.lint);
      const m = samples[Math.floor(samples.length / 2)];
      page += `| playground: lint + render of a ${lines}-line unit after a keystroke (in the page) | ${m.lint.toFixed(1)} ms (target: first findings under 100 ms; the editor waits 25 ms after the last keystroke) |\n`;
    } finally {
      await browser.close();
      proc.kill();
    }
  }
}

const md = `## Editor latency (language server and playground)

Reproduce with \`npm run build && node bench/editor.mjs --write\`. In-process medians of 200 runs on a ${lines}-line unit (Node ${process.version}).

| what | time |
| --- | ---: |
| LSP diagnostics after a change (parse + all rules) | ${diag.toFixed(2)} ms |
| the same in a workspace of ${workspace.length} other units, as the server does it (the others are context, unchanged files are not parsed again; medians of 40 runs) | ${diagWorkspace.toFixed(1)} ms (every file parsed and linted in full, as before: ${diagWorkspaceAll.toFixed(1)} ms) |
| LSP hover on a directive | ${hover.toFixed(3)} ms |
| LSP completion of directives | ${complete.toFixed(3)} ms |
| LSP hover on an OnCalendar= part (explanation, normalized form, next 5 elapses) | ${calendarHover.toFixed(3)} ms |
| LSP hover on a cron field pasted into OnCalendar= (meaning, OnCalendar= lines, next 5 runs) | ${pastedCronHover.toFixed(3)} ms |
| LSP hover on a crontab field (parse the line, meaning, OnCalendar= lines, next 5 runs) | ${cronHover.toFixed(3)} ms |
${page}`;
console.log(md);
if (process.argv.includes("--write")) {
  const path = "docs/benchmarks.md";
  let doc = existsSync(path) ? readFileSync(path, "utf8") : "# Benchmarks\n";
  const re = /## Editor latency \(language server and playground\)\n[\s\S]*?(?=\n## |$)/;
  doc = re.test(doc) ? doc.replace(re, md) : doc.trimEnd() + "\n\n" + md;
  writeFileSync(path, doc);
}
