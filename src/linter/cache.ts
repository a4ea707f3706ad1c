import type { Finding } from "../core/diagnostic.js";

/**
 * Where a lint run keeps results for the next run over the same inputs (the
 * command line keeps them in a file: `check --cache`). Keys are digests of
 * everything a result depends on, so a stale entry is never found, only left
 * unused; the store drops what a run did not use.
 */
export interface LintCache {
  /** A digest of `text` short enough to be a key (the command line uses SHA-256). */
  digest(text: string): string;
  get(key: string): CachedFindings | undefined;
  set(key: string, value: CachedFindings): void;
}

export interface CachedFindings {
  findings: Finding[];
  /**
   * Set when a rule read the clock while computing these findings (three timer
   * rules do): they are reused only within the same hour, so a date that passes
   * shows up by the next full hour at the latest.
   */
  hour?: number;
  /**
   * Files other than the unit's own that the findings point into, with the
   * cache key each had (a unit's rules may report in another unit's file):
   * the findings are reused only while those files are unchanged.
   */
  refs?: Record<string, string>;
  /** The keys of the entries this result was put together from (they stay in the cache while it is used). */
  parts?: string[];
}

export const HOUR_MS = 3_600_000;
