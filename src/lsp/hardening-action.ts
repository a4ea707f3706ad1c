import { CodeActionKind, type CodeAction } from "vscode-languageserver/node.js";
import { hardenUnit, DEFAULT_TARGET } from "../hardening/harden.js";
import { formatExposure } from "../hardening/assess.js";
import type { LintSource } from "../linter/lint.js";
import { parseFile } from "../model/unit-file.js";
import { buildUnitSet } from "../model/unit-set.js";

/**
 * "Add hardening drop-in": for a service being edited, create
 * `<unit>.d/hardening.conf` with what `unitlint harden` suggests (drop-ins
 * of the workspace applied). Offered only when that file does not exist yet;
 * the unit file itself is never edited.
 */
export function hardeningAction(
  sources: LintSource[],
  display: string,
  dropinUri: (dropinDisplay: string) => string,
  exists: (dropinDisplay: string) => boolean,
): CodeAction | null {
  const set = buildUnitSet(sources.map((s) => parseFile(s.path, s.text)));
  const unit = set.units.find((u) => u.main?.path === display);
  if (!unit || unit.type !== "service") return null;
  const r = hardenUnit(unit, DEFAULT_TARGET);
  if (!r || !r.path || r.steps.length === 0 || exists(r.path)) return null;
  const uri = dropinUri(r.path);
  return {
    title: `Add hardening drop-in (exposure ${formatExposure(r.before.exposure)} → ${formatExposure(r.after.exposure)} ${r.after.rating})`,
    kind: CodeActionKind.RefactorRewrite,
    edit: {
      documentChanges: [
        { kind: "create", uri, options: { overwrite: false, ignoreIfExists: true } },
        { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: r.dropin }] },
      ],
    },
  };
}
