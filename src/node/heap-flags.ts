import { setFlagsFromString } from "node:v8";

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
