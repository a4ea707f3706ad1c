import {
  CodeActionKind,
  CompletionItemKind,
  SymbolKind,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type Location,
} from "vscode-languageserver/node.js";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Fix } from "../core/diagnostic.js";
import type { CrontabFile } from "../crontab/index.js";
import type { UnitFileAst } from "../parser/unit/ast.js";
import { parseUnitName, type UnitType } from "../model/unit-name.js";
import { sectionsFor } from "../knowledge/sections.js";
import { cursorContext } from "./context.js";
import type { EditorKnowledge } from "./knowledge.js";

/** Settings whose values are unit names (completion and go-to-definition). */
export const UNIT_LIST_KEYS = new Set([
  "After",
  "Before",
  "Wants",
  "Requires",
  "Requisite",
  "BindsTo",
  "PartOf",
  "Upholds",
  "Conflicts",
  "OnFailure",
  "OnSuccess",
  "PropagatesReloadTo",
  "ReloadPropagatedFrom",
  "PropagatesStopTo",
  "StopPropagatedFrom",
  "JoinsNamespaceOf",
  "Unit",
  "Also",
  "WantedBy",
  "RequiredBy",
  "UpheldBy",
  "Slice",
  "Sockets",
  "Service",
  "TriggeredBy",
]);

export function documentSymbols(ast: UnitFileAst, doc: TextDocument): DocumentSymbol[] {
  const r = (s: number, e: number) => ({ start: doc.positionAt(s), end: doc.positionAt(e) });
  return ast.sections.map((s) => ({
    name: `[${s.name}]`,
    kind: SymbolKind.Namespace,
    range: r(s.fullRange.start, Math.max(s.fullRange.start, s.fullRange.end)),
    selectionRange: r(s.header.range.start, s.header.range.end),
    children: s.entries.map((e) => ({
      name: e.key,
      detail: e.value.length > 60 ? e.value.slice(0, 57) + "..." : e.value,
      kind: SymbolKind.Property,
      range: r(e.range.start, e.range.end),
      selectionRange: r(e.keyRange.start, e.keyRange.end),
    })),
  }));
}

/** A crontab's outline: its variable assignments and jobs (schedule as the name, the command as the detail). */
export function crontabSymbols(file: CrontabFile, doc: TextDocument): DocumentSymbol[] {
  const r = (s: number, e: number) => ({ start: doc.positionAt(s), end: doc.positionAt(e) });
  const out: DocumentSymbol[] = [];
  for (const l of file.lines) {
    if (l.kind === "env")
      out.push({
        name: l.name.text,
        detail: l.value.text,
        kind: SymbolKind.Variable,
        range: r(l.range.start, l.range.end),
        selectionRange: r(l.name.range.start, l.name.range.end),
      });
    if (l.kind === "job") {
      const command = l.command?.text.trim() ?? "";
      out.push({
        name: l.schedule.text,
        detail: command.length > 60 ? command.slice(0, 57) + "..." : command,
        kind: SymbolKind.Event,
        range: r(l.range.start, l.range.end),
        selectionRange: r(l.schedule.range.start, l.schedule.range.end),
      });
    }
  }
  return out;
}

function fixToAction(fix: Fix, uri: string, doc: TextDocument, diagnostic: Diagnostic, preferred: boolean): CodeAction {
  return {
    title: fix.description,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: preferred,
    edit: {
      changes: {
        [uri]: fix.edits.map((e) => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.text })),
      },
    },
  };
}

/** Quick fixes carried by the diagnostics in the request (safe fixes are preferred). */
export function codeActions(diagnostics: Diagnostic[], uri: string, doc: TextDocument): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    const data = d.data as { fix?: Fix; suggestions?: Fix[] } | undefined;
    if (data?.fix) out.push(fixToAction(data.fix, uri, doc, d, data.fix.safe));
    for (const s of data?.suggestions ?? []) out.push(fixToAction(s, uri, doc, d, false));
  }
  return out;
}

/** The unit name under the cursor in a dependency list, if any. */
export function unitNameAt(ast: UnitFileAst, offset: number): string | null {
  const c = cursorContext(ast, offset);
  if (c.kind !== "value" || !UNIT_LIST_KEYS.has(c.entry.key)) return null;
  const v = c.entry.value;
  let s = c.offsetInValue;
  let e = c.offsetInValue;
  while (s > 0 && !/\s/.test(v[s - 1]!)) s--;
  while (e < v.length && !/\s/.test(v[e]!)) e++;
  const word = v.slice(s, e);
  return word.length > 0 ? word : null;
}

export function definition(name: string, unitPaths: Map<string, string>, toUri: (p: string) => string): Location | null {
  const direct = unitPaths.get(name);
  const template = parseUnitName(name).template;
  const path = direct ?? (template ? unitPaths.get(template) : undefined);
  if (!path) return null;
  return { uri: toUri(path), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}

interface CompletionInput {
  ast: UnitFileAst;
  offset: number;
  type: UnitType | null;
  unitNames: string[];
  knowledge: EditorKnowledge;
}

export function completions({ ast, offset, type, unitNames, knowledge }: CompletionInput): CompletionItem[] {
  const c = cursorContext(ast, offset);
  const text = ast.source.text;
  if (c.kind === "value") {
    const before = c.entry.value.slice(0, c.offsetInValue);
    if (/%[A-Za-z]?$/.test(before) || text[offset - 1] === "%") {
      return knowledge
        .specifiers()
        .map((s) => ({ label: s.specifier, kind: CompletionItemKind.Constant, detail: s.meaning, insertText: s.specifier.slice(1) }));
    }
    if (UNIT_LIST_KEYS.has(c.entry.key)) {
      // Crontabs and job files of the workspace are not units: only names with a unit type are offered.
      const units = unitNames.filter((n) => parseUnitName(n).type !== null);
      return [...new Set([...units, ...knowledge.specialUnits()])].sort().map((n) => ({ label: n, kind: CompletionItemKind.Reference }));
    }
    return knowledge.values(c.section ?? "", c.entry.key).map((v) => ({ label: v, kind: CompletionItemKind.EnumMember }));
  }
  if (c.kind === "section-header" || (c.kind === "line-start" && c.prefix.startsWith("["))) {
    return sectionsFor(type).map((s) => ({ label: `[${s}]`, kind: CompletionItemKind.Module, insertText: `${s}]`, filterText: `[${s}]` }));
  }
  if (c.kind === "line-start" || c.kind === "key") {
    if (!c.section) return sectionsFor(type).map((s) => ({ label: `[${s}]`, kind: CompletionItemKind.Module }));
    return knowledge.directives(type, c.section).map((d, i) => ({
      label: d.name,
      kind: CompletionItemKind.Property,
      detail: d.detail,
      insertText: `${d.name}=`,
      tags: d.deprecated ? [1] : undefined,
      // deprecated directives sort last
      sortText: `${d.deprecated ? "1" : "0"}${String(i).padStart(4, "0")}`,
    }));
  }
  return [];
}
