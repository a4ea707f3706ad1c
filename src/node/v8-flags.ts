import { setFlagsFromString } from "node:v8";

// V8 flags set at run time, after the bundle was read from its code cache.

/**
 * V8's heap set for a run over thousands of files, whose peak memory it
 * lowers by some 30 MiB: the young generation stays at its first size (1 MiB a
 * half) instead of growing to 16 MiB (more, smaller scavenges, at the same CPU
 * time), and the old generation may grow by a fifth of its live size between
 * full collections instead of V8's own factor (up to several times it). At
 * 100,000 files a fifth keeps the peak under 1 GiB (965 MiB, against 1,048 MiB
 * with a half) at the same CPU time; at 5,740 files neither time nor peak
 * moves measurably (docs/benchmarks.md). Call it before the run allocates much; loaded on
 * demand, since loading node:v8 costs a one-file run some milliseconds. V8
 * accepts a code cache only under the flags that made it: the CLI's has been
 * read by then.
 */
export function tuneHeapForManyFiles(): void {
  setFlagsFromString("--semi-space-growth-factor=1 --heap-growing-percent=20");
}

/** V8's default budget of bytecode a function runs between checks whether to optimise it (Node 20, V8 11.3). */
const DEFAULT_INTERRUPT_BUDGET = 66 * 1024;

/**
 * For the calendar commands: functions must run four times as much code as
 * V8's default before the optimising compiler (TurboFan) takes them, and it
 * inlines only small functions (up to 100 bytes of bytecode instead of 460).
 * A report of 10,000 elapses is over in about 100 ms, and TurboFan compiled
 * about a dozen functions for it (the search, the date conversions, the
 * formatting), inlining the search and the conversions into them, in some
 * 50 ms of CPU on its background thread, more than the optimised code saved;
 * now it compiles fewer, later and smaller, and both a 10,000- and a
 * 100,000-elapse report take less CPU time (docs/decisions.md). Not set while
 * the build trains the code cache: V8 keeps the flags' hash in the cache and
 * rejects it under other flags.
 */
export function tuneTieringForShortRuns(): void {
  if (process.env["UNITLINT_TRAIN_CODE_CACHE"]) return;
  setFlagsFromString(`--interrupt-budget=${4 * DEFAULT_INTERRUPT_BUDGET} --max-inlined-bytecode-size=100`);
}

/**
 * For `check` over more than a few files: functions run eight times V8's
 * default budget of bytecode before TurboFan takes them, and it inlines only
 * functions up to 100 bytes of bytecode. A run over the 263 files of the
 * benchmark corpus spent about a third of its CPU time on TurboFan's
 * background thread compiling rule and parser functions that had run only a
 * few hundred times; with these flags it takes about 35% less CPU time and 15%
 * less wall time, over 263 and over 5,740 files alike, and peaks some 10 MiB
 * lower (docs/benchmarks.md, docs/decisions.md). Not set while the build
 * trains the code cache (see tuneTieringForShortRuns).
 */
export function tuneTieringForLintRuns(): void {
  if (process.env["UNITLINT_TRAIN_CODE_CACHE"]) return;
  setFlagsFromString(`--interrupt-budget=${8 * DEFAULT_INTERRUPT_BUDGET} --max-inlined-bytecode-size=100`);
}
