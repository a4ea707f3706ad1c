import { DiagnosticSeverity, type Diagnostic } from "vscode-languageserver/node.js";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Finding } from "../core/diagnostic.js";
import { ruleDocUrl } from "../format/types.js";

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

/** A finding as an LSP diagnostic: the rule id is the code, its doc the code description. */
export function toDiagnostic(f: Finding, doc: TextDocument): Diagnostic {
  return {
    range: { start: doc.positionAt(f.range.start), end: doc.positionAt(f.range.end) },
    severity: SEVERITY[f.severity],
    code: f.rule,
    codeDescription: { href: ruleDocUrl(f.rule) },
    source: "unitlint",
    message: f.message,
    data: { fix: f.fix, suggestions: f.suggestions },
  };
}
