import type { Finding, TextEdit } from "../core/diagnostic.js";
import { applyEdits } from "../core/edits.js";
import { lintSources, type LintOptions, type LintSource } from "../linter/lint.js";

export interface FixOptions {
  /** Also apply fixes that may change behaviour. */
  unsafe?: boolean;
  /** Rounds of lint + fix before giving up on convergence (default 10). */
  maxPasses?: number;
  /** Which findings' fixes to apply (e.g. not those of a rule a per-path override turns off). */
  include?: (finding: Finding) => boolean;
}

export interface FixResult {
  /** New text per path, only for files that changed. */
  changed: Map<string, string>;
  /** How many fixes were applied, per path. */
  applied: Map<string, number>;
  passes: number;
  /** False when fixes kept changing the text for `maxPasses` rounds (fixes that undo each other). */
  converged: boolean;
}

/**
 * Apply the fixes of findings in `paths` until nothing changes (at most
 * `maxPasses` rounds: each round re-lints, so fixes never act on stale
 * offsets). Only safe fixes unless `unsafe`. Bytes no fix touches are kept.
 */
export function applyFixes(sources: LintSource[], paths: Set<string>, options: LintOptions, opts: FixOptions = {}): FixResult {
  const texts = new Map(sources.map((s) => [s.path, s.text]));
  const applied = new Map<string, number>();
  let passes = 0;
  let converged = false;
  for (; passes < (opts.maxPasses ?? 10); passes++) {
    const current = sources.map((s) => ({ ...s, text: texts.get(s.path)! }));
    const { findings } = lintSources(current, options);
    const edits = new Map<string, TextEdit[]>();
    for (const f of findings) {
      const fix = f.fix;
      if (!fix || (!fix.safe && !opts.unsafe) || (opts.include && !opts.include(f))) continue;
      const file = fix.file ?? f.file;
      if (!paths.has(file)) continue;
      let list = edits.get(file);
      if (!list) edits.set(file, (list = []));
      // all edits of one fix go together; a fix overlapping an earlier one waits for the next round
      if (fix.edits.some((e) => list!.some((o) => e.start < o.end && o.start < e.end))) continue;
      list.push(...fix.edits);
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
    if (!changed) {
      converged = true;
      break;
    }
  }
  const changed = new Map<string, string>();
  for (const s of sources) if (texts.get(s.path) !== s.text) changed.set(s.path, texts.get(s.path)!);
  return { changed, applied, passes, converged };
}

/** The name the CLI grew up with. */
export const fixSources = applyFixes;
