// Pathological repetition (the inputs that make backtracking regexes and
// quadratic loops show): each entry point must grow near-linearly. We time a
// size and eight times that size and require well under the 64x a quadratic
// cost would give (24x: linear with 3x headroom for GC and a busy machine),
// plus a generous absolute bound. The full 1 MB-per-case sweep and the
// million-line files are in `node bench/robustness.mjs` (docs/robustness.md).
import { describe, expect, it } from "vitest";
import { lintCalendar, parseCalendar, parseCron, parseTimespan } from "../../src/calendar/index.js";
import { parseConfig } from "../../src/config/config.js";
import { parseCrontab } from "../../src/crontab/index.js";
import { parseJobsFile } from "../../src/jobs/index.js";
import { lintSources } from "../../src/linter/lint.js";
import { parseExec } from "../../src/parser/exec/parse-exec.js";
import { parseUnitFile } from "../../src/parser/unit/index.js";

const KiB = 1024;

interface Case {
  entry: string;
  run: (text: string) => unknown;
  /** repeated to fill the size, after an optional fixed head */
  unit: string;
  head?: string;
  /** the larger of the two sizes */
  size: number;
}

// Every rule on.
const lint = (path: string) => (text: string) => lintSources([{ path, text }], { presets: ["recommended", "strict"] });

const CASES: Case[] = [
  { entry: "unit parser", run: (t) => parseUnitFile(t), unit: "a=b\n", size: 256 * KiB },
  { entry: "unit parser", run: (t) => parseUnitFile(t), unit: "\\\n", head: "[Service]\nX=", size: 256 * KiB },
  { entry: "unit parser", run: (t) => parseUnitFile(t), unit: "\uFEFF\n", size: 128 * KiB },
  { entry: "unit parser", run: (t) => parseUnitFile(t), unit: "[", size: 1024 * KiB },
  { entry: "unit parser", run: (t) => parseUnitFile(t), unit: "\r", size: 256 * KiB },
  { entry: "lintSources", run: lint("a.service"), unit: "ExecStart=/bin/a\n", head: "[Service]\n", size: 128 * KiB },
  { entry: "lintSources", run: lint("a.service"), unit: "After=a.service b.service\n", head: "[Unit]\n", size: 128 * KiB },
  // A list directive repeated: directives/duplicate-directive once copied the list of earlier ones on each (quadratic).
  { entry: "lintSources", run: lint("a.service"), unit: "Environment=A=1\n", head: "[Service]\nExecStart=/bin/true\n", size: 128 * KiB },
  { entry: "lintSources", run: lint("a.service"), unit: "a \\\n", head: "[Service]\nExecStart=/bin/echo ", size: 128 * KiB },
  { entry: "lintSources", run: lint("a.service"), unit: "# unitlint-disable-next-line x/y\nX=1\n", head: "[Service]\n", size: 64 * KiB },
  { entry: "parseCalendar", run: (t) => parseCalendar(t), unit: "1,", size: 128 * KiB },
  { entry: "parseCalendar", run: (t) => parseCalendar(t), unit: "Mon,", size: 256 * KiB },
  { entry: "parseCalendar", run: (t) => parseCalendar(t), unit: "1", size: 1024 * KiB },
  { entry: "lintCalendar", run: (t) => lintCalendar(t), unit: "*-", size: 64 * KiB },
  { entry: "lintCalendar", run: (t) => lintCalendar(t), unit: "~", size: 1024 * KiB },
  { entry: "parseCron", run: (t) => parseCron(t), unit: "1,", size: 1024 * KiB },
  { entry: "parseCron", run: (t) => parseCron(t), unit: "1-2/3,", size: 1024 * KiB },
  { entry: "parseTimespan", run: (t) => parseTimespan(t), unit: "1s ", size: 256 * KiB },
  { entry: "parseTimespan", run: (t) => parseTimespan(t), unit: "1", size: 1024 * KiB },
  { entry: "parseExec", run: (t) => parseExec(t), unit: "-", size: 1024 * KiB },
  { entry: "parseExec", run: (t) => parseExec(t), unit: "a ", size: 512 * KiB },
  { entry: "parseExec", run: (t) => parseExec(t), unit: "\\", size: 1024 * KiB },
  { entry: "parseExec", run: (t) => parseExec(t), unit: "'a' ", size: 1024 * KiB },
  { entry: "parseConfig", run: (t) => parseConfig(t), unit: "[", size: 1024 * KiB },
  { entry: "parseConfig", run: (t) => parseConfig(t), unit: '{"a":', size: 1024 * KiB },
  { entry: "parseConfig", run: (t) => parseConfig(t), unit: '"rules",', head: '{"presets":[', size: 1024 * KiB },
  { entry: "parseJobsFile", run: (t) => parseJobsFile(t, "jobs/a.json"), unit: '{"schedule":"* * * * *"},', head: "[", size: 256 * KiB },
  { entry: "parseCrontab", run: (t) => parseCrontab(t, "etc/crontab", "system"), unit: "* * * * * root x\n", size: 128 * KiB },
  { entry: "parseCrontab", run: (t) => parseCrontab(t, "etc/crontab", "system"), unit: "\\\n", size: 256 * KiB },
];

function input(c: Case, size: number): string {
  const head = c.head ?? "";
  return head + c.unit.repeat(Math.ceil((size - head.length) / c.unit.length)).slice(0, size - head.length);
}

/**
 * The least CPU time (user + system, in ms) of `times` runs. CPU time rather than wall time: on a shared machine
 * another process's load stretches the wall clock but not this process's own work.
 */
function fastest(run: () => unknown, times: number): number {
  let best = Infinity;
  for (let i = 0; i < times; i++) {
    const t0 = process.cpuUsage();
    run();
    const d = process.cpuUsage(t0);
    best = Math.min(best, (d.user + d.system) / 1000);
  }
  return best;
}

describe("pathological repetition grows near-linearly", () => {
  for (const c of CASES) {
    it(`${c.entry}: ${JSON.stringify((c.head ?? "") + c.unit + "…")} up to ${c.size / KiB} KiB`, () => {
      const small = input(c, c.size / 8);
      const large = input(c, c.size);
      fastest(() => c.run(small), 1); // warm up the JIT
      const tSmall = fastest(() => c.run(small), 3);
      const tLarge = fastest(() => c.run(large), 2);
      // Generous on purpose (a shared 2-core machine is noisy): 8x the input may cost
      // 24x the time, and anything under a second passes; a quadratic loop blows
      // through both (16,000 repeated lines in one took seconds).
      expect(tLarge, `${tSmall.toFixed(1)} ms → ${tLarge.toFixed(1)} ms`).toBeLessThan(Math.max(24 * tSmall, 1000));
    });
  }
});
