import { setFlagsFromString } from "node:v8";

/**
 * Keeps V8's young generation at its first size (1 MiB a half) instead of
 * letting it grow to 16 MiB: for a run over thousands of files, whose peak
 * memory it lowers by some 25 MiB at the same CPU time (more, smaller
 * scavenges). Call it before the run allocates much; loaded on demand, since
 * loading node:v8 costs a one-file run some milliseconds. V8 accepts a code
 * cache only under the flags that made it: the CLI's has been read by then.
 */
export function keepYoungGenerationSmall(): void {
  setFlagsFromString("--semi-space-growth-factor=1");
}
