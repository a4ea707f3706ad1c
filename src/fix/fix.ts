import type { Finding } from "../core/diagnostic.js";
import type { LintOptions, LintSource } from "../linter/lint.js";
import { lintProject, type FixOutcome } from "../linter/project.js";

export interface FixOptions {
  /** Also apply fixes that may change behaviour. */
  unsafe?: boolean;
  /** Rounds of lint + fix before giving up on convergence (default 10). */
  maxPasses?: number;
  /** Which findings' fixes to apply (e.g. not those of a rule a per-path override turns off). */
  include?: (finding: Finding) => boolean;
}

export type FixResult = FixOutcome;

/**
 * Apply the fixes of findings in `paths` until nothing changes (at most
 * `maxPasses` rounds: each round re-lints, so fixes never act on stale
 * offsets). Only safe fixes unless `unsafe`. Bytes no fix touches are kept.
 * (`lintProject` with `fix` does the same and also returns the findings left.)
 */
export function applyFixes(sources: LintSource[], paths: Set<string>, options: LintOptions, opts: FixOptions = {}): FixResult {
  return lintProject(sources, { ...options, fix: { files: paths, ...opts } }).fixed!;
}
