import { basicSetup, EditorView } from "codemirror";
import { EditorState, type Extension } from "@codemirror/state";
import { linter, lintGutter, type Diagnostic } from "@codemirror/lint";
import type { Finding, Fix } from "../core/diagnostic.js";
import { ruleDocUrl } from "../format/types.js";
import { analyse, type Analysis } from "./analysis.js";
import { calendarPanel } from "./calendar-panel.js";
import { EXAMPLES } from "./examples.js";
import { exposurePanel } from "./exposure-panel.js";
import { schedulePanel } from "./schedule-panel.js";
import { decodeState, encodeState, type PlaygroundState } from "./state.js";
import { unitFileLanguage } from "./unit-mode.js";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

let state: PlaygroundState = decodeState(location.hash);
let last: Analysis | null = null;

const timings: number[] = [];
(window as unknown as { __unitlint: unknown }).__unitlint = { timings, state: () => state };

function severity(f: Finding): Diagnostic["severity"] {
  return f.severity === "error" ? "error" : f.severity === "warning" ? "warning" : "info";
}

function applyFix(view: EditorView, fix: Fix): void {
  view.dispatch({ changes: fix.edits.map((e) => ({ from: e.start, to: e.end, insert: e.text })) });
}

function render(a: Analysis): void {
  const list = $("findings");
  list.replaceChildren();
  const all = [...a.findings, ...a.dropinFindings];
  $("summary").textContent = all.length === 0 ? "No problems found." : `${all.length} finding${all.length === 1 ? "" : "s"}`;
  for (const f of all) {
    const li = document.createElement("li");
    li.className = `finding ${f.severity}`;
    li.dataset["rule"] = f.rule;
    const link = document.createElement("a");
    link.href = ruleDocUrl(f.rule);
    link.target = "_blank";
    link.rel = "noopener";
    link.textContent = f.rule;
    const where = document.createElement("span");
    where.className = "where";
    where.textContent = `${f.file === state.filename ? "" : f.file + " "}${f.line}:${f.column}`;
    const msg = document.createElement("span");
    msg.className = "message";
    msg.textContent = f.message;
    li.append(where, " ", severityBadge(f), " ", link, " ", msg);
    if (f.fix && f.file === state.filename) {
      const b = document.createElement("button");
      b.className = "quick-fix";
      b.textContent = f.fix.description;
      b.onclick = () => applyFix(unitView, f.fix!);
      li.append(" ", b);
    }
    list.append(li);
  }
  $("effective").textContent = a.effective.join("\n");
  $("timing").textContent = `linted in ${a.millis.toFixed(1)} ms`;
  calendarPanel(state, $("calendar-results"));
  schedulePanel(state, $("schedule"));
  exposurePanel(a.exposure, a.exposureError, $("exposure"));
}

function severityBadge(f: Finding): HTMLElement {
  const s = document.createElement("span");
  s.className = `badge ${f.severity}`;
  s.textContent = f.severity;
  return s;
}

function update(partial: Partial<PlaygroundState>): void {
  state = { ...state, ...partial };
  history.replaceState(null, "", "#" + encodeState(state));
}

function runLint(): Analysis {
  const t0 = performance.now();
  last = analyse(state);
  render(last);
  timings.push(performance.now() - t0);
  return last;
}

const unitLinter = linter(
  (view) => {
    update({ text: view.state.doc.toString() });
    const a = runLint();
    const len = view.state.doc.length;
    return a.findings.map((f) => ({
      from: Math.min(f.range.start, len),
      to: Math.min(Math.max(f.range.end, f.range.start), len),
      severity: severity(f),
      source: f.rule,
      message: f.message,
      actions: f.fix ? [{ name: f.fix.description, apply: (v: EditorView) => applyFix(v, f.fix!) }] : [],
    }));
  },
  { delay: 25 },
);

function editor(parent: HTMLElement, doc: string, extra: Extension[]): EditorView {
  return new EditorView({ state: EditorState.create({ doc, extensions: [basicSetup, unitFileLanguage, ...extra] }), parent });
}

const unitView = editor($("editor"), state.text, [unitLinter, lintGutter()]);
const dropinView = editor($("dropin"), state.dropin, [
  EditorView.updateListener.of((u) => {
    if (!u.docChanged) return;
    update({ dropin: u.state.doc.toString() });
    runLint();
  }),
]);

function bindInput(id: string, key: keyof PlaygroundState): void {
  const el = $<HTMLInputElement | HTMLSelectElement>(id);
  el.value = state[key];
  el.addEventListener("input", () => {
    update({ [key]: el.value } as Partial<PlaygroundState>);
    runLint();
  });
}

bindInput("filename", "filename");
bindInput("mode", "mode");
bindInput("target", "targetSystemd");
bindInput("preset", "preset");
bindInput("calendar-spec", "calendar");
bindInput("calendar-tz", "tz");

const menu = $<HTMLSelectElement>("examples");
for (const [i, ex] of EXAMPLES.entries()) {
  const o = document.createElement("option");
  o.value = String(i);
  o.textContent = ex.name;
  menu.append(o);
}
menu.addEventListener("change", () => {
  const ex = EXAMPLES[Number(menu.value)];
  if (!ex) return;
  update({ filename: ex.filename, text: ex.text, dropin: "" });
  $<HTMLInputElement>("filename").value = ex.filename;
  unitView.dispatch({ changes: { from: 0, to: unitView.state.doc.length, insert: ex.text } });
  dropinView.dispatch({ changes: { from: 0, to: dropinView.state.doc.length, insert: "" } });
});

$("share").addEventListener("click", () => {
  const url = location.href.split("#")[0] + "#" + encodeState(state);
  $<HTMLInputElement>("share-url").value = url;
  void navigator.clipboard?.writeText(url).catch(() => undefined);
});

runLint();
