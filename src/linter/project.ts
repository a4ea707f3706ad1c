import type { Finding, TextEdit } from "../core/diagnostic.js";
import { applyEdits } from "../core/edits.js";
import { lintSources, type LintOptions, type LintResult, type LintSource } from "./lint.js";

/** Which fixes to apply, and where. */
export interface FixRequest {
  /** Files whose text may change (context files and standard input are left out). */
  files: ReadonlySet<string>;
  /** Also apply fixes that may change behaviour. */
  unsafe?: boolean;
  /** Rounds of lint + fix before giving up on convergence (default 10). */
  maxPasses?: number;
  /** Which findings' fixes to apply (all by default). */
  include?: (finding: Finding) => boolean;
}

export interface FixOutcome {
  /** New text per path, only for files that changed. */
  changed: Map<string, string>;
  /** How many fixes were applied, per path. */
  applied: Map<string, number>;
  passes: number;
  /** False when fixes kept changing the text for `maxPasses` rounds (fixes that undo each other). */
  converged: boolean;
}

export interface ProjectOptions extends LintOptions {
  fix?: FixRequest;
}

export interface ProjectResult extends LintResult {
  /** With `fix`: what changed. The findings are then those of the fixed texts. */
  fixed?: FixOutcome;
}

/**
 * The library's one lint run, used by `check`, the language server and the
 * playground: sources and each file's configuration in (`configFor`), findings
 * with their final severities out; with `fix`, fixes applied round by round
 * until nothing changes, and the findings of the fixed texts (the last round's
 * lint, not one more).
 */
export function lintProject(sources: LintSource[], options: ProjectOptions = {}): ProjectResult {
  const { fix, ...lintOptions } = options;
  if (!fix) return lintSources(sources, lintOptions);
  const texts = new Map(sources.map((s) => [s.path, s.text]));
  const current = () => sources.map((s) => ({ ...s, text: texts.get(s.path)! }));
  const applied = new Map<string, number>();
  const maxPasses = fix.maxPasses ?? 10;
  let passes = 0;
  let last: LintResult | undefined;
  for (; passes < maxPasses; passes++) {
    // Whole trees while fixing: a fix's edits may sit next to comment lines.
    last = lintSources(current(), { ...lintOptions, compactTrees: false });
    if (!applyRound(last.findings, fix, texts, applied)) break;
    last = undefined;
  }
  const changed = new Map<string, string>();
  for (const s of sources) if (texts.get(s.path) !== s.text) changed.set(s.path, texts.get(s.path)!);
  const converged = last !== undefined;
  // Out of rounds, the texts moved on since the last lint: lint them once more.
  const result = last ?? lintSources(current(), lintOptions);
  return { ...result, fixed: { changed, applied, passes: converged ? passes : maxPasses, converged } };
}

/** One round: the fixes of `findings` applied to `texts`; whether any text changed. */
function applyRound(findings: Finding[], fix: FixRequest, texts: Map<string, string>, applied: Map<string, number>): boolean {
  const edits = new Map<string, TextEdit[]>();
  for (const f of findings) {
    const fx = f.fix;
    if (!fx || (!fx.safe && !fix.unsafe) || (fix.include && !fix.include(f))) continue;
    const file = fx.file ?? f.file;
    if (!fix.files.has(file)) continue;
    let list = edits.get(file);
    if (!list) edits.set(file, (list = []));
    // all edits of one fix go together; a fix overlapping an earlier one waits for the next round
    if (fx.edits.some((e) => list.some((o) => e.start < o.end && o.start < e.end))) continue;
    list.push(...fx.edits);
    applied.set(file, (applied.get(file) ?? 0) + 1);
  }
  let changed = false;
  for (const [file, list] of edits) {
    const before = texts.get(file)!;
    const after = applyEdits(before, list).text;
    if (after !== before) {
      texts.set(file, after);
      changed = true;
    }
  }
  return changed;
}
