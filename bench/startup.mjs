// The pre-commit case: one process checking one unit file, against bare
// `node -e 0` and `systemd-analyze verify` of the same file, in the same run
// (runs interleaved, so drift in the machine's load hits every command alike).
// Usage: node bench/startup.mjs [--runs N] [--before DIST] [--write]
//   --before DIST  also time another build (a copy of an older dist/) in the same run
//   --write        update docs/benchmarks.md
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { basename, join } from "node:path";
import { corpusUnitFiles } from "./lib/corpus-files.mjs";
import { describeMachine, hasSystemdAnalyze } from "./lib/machine.mjs";
import { BENCH_ENV, BIN, DIST, median } from "./lib/measure.mjs";
import { fmtMs, today, writeSection } from "./lib/report.mjs";

const opt = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const RUNS = Number(opt("--runs") ?? 30);
const BEFORE = opt("--before");
/** What the --before build is, for the table (e.g. "commit 9b15c13"). */
const BEFORE_LABEL = opt("--before-label") ?? BEFORE;

const dir = mkdtempSync(join(tmpdir(), "unitlint-bench-"));
const unit = join(dir, "ots-worker@.service");
writeFileSync(unit, readFileSync(join(import.meta.dirname, "..", "examples/onetime-secret/etc/systemd/ots-worker@.service")));

/** The bin of a build: the loader (unitlint.cjs) since the code cache, unitlint.js before. */
const binOf = (dist) => (existsSync(join(dist, "unitlint.cjs")) ? join(dist, "unitlint.cjs") : join(dist, "unitlint.js"));

// The pre-commit case in a project with many units: the staged file in a folder of the corpus's units, which
// `check` reads as context (a timer finds its service) without reporting on them.
const project = mkdtempSync(join(tmpdir(), "unitlint-project-"));
const siblings = corpusUnitFiles();
for (const f of siblings) copyFileSync(f, join(project, basename(f)));
const staged = join(project, "ots-worker@.service");
copyFileSync(unit, staged);

// The same build without its code cache, to show what the cache saves.
const noCache = mkdtempSync(join(tmpdir(), "unitlint-nocache-"));
for (const f of ["unitlint.cjs", "cli.cjs"]) copyFileSync(join(DIST, f), join(noCache, f));

// Every command runs with the same small environment (BENCH_ENV, bench/lib/measure.mjs).
const env = BENCH_ENV;
/** Each run is timed by bash's `time` keyword where bash is installed: wall and CPU time (user + sys) of the command alone, in ms. */
const BASH = existsSync("/bin/bash") ? "/bin/bash" : null;
const TIMED = 'TIMEFORMAT="cpu %3R %3U %3S"; time "$0" "$@" > /dev/null 2> /dev/null';

const commands = [
  { label: "`node -e 0` (bare Node start-up)", cmd: process.execPath, args: ["-e", "0"] },
  { label: "`unitlint check ots-worker@.service`", cmd: process.execPath, args: [BIN, "check", unit] },
  { label: "`unitlint check ots-worker@.service`, code cache removed", cmd: process.execPath, args: [binOf(noCache), "check", unit] },
];
if (BEFORE)
  commands.push({ label: `\`unitlint check ots-worker@.service\`, the build in ${BEFORE_LABEL}`, cmd: process.execPath, args: [binOf(BEFORE), "check", unit] });
const inProject = `\`unitlint check ots-worker@.service\` in a folder of ${siblings.length} other units`;
commands.push({ label: inProject, cmd: process.execPath, args: [BIN, "check", staged] });
if (BEFORE) commands.push({ label: `${inProject}, the build in ${BEFORE_LABEL}`, cmd: process.execPath, args: [binOf(BEFORE), "check", staged] });
if (hasSystemdAnalyze())
  commands.push({ label: "`systemd-analyze verify --man=no ots-worker@.service`", cmd: "systemd-analyze", args: ["verify", "--man=no", unit] });

/** One run: wall time, and CPU time (user + sys) where bash can time it. */
function runOnce(c) {
  const [cmd, args] = BASH ? [BASH, ["-c", TIMED, c.cmd, ...c.args]] : [c.cmd, c.args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { env, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const m = /cpu ([\d.]+) ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr ?? "");
  return m ? { ms: Number(m[1]) * 1000, cpu: (Number(m[2]) + Number(m[3])) * 1000 } : { ms, cpu: null };
}

for (const c of commands) runOnce(c); // warm the page cache
const samples = commands.map(() => []);
const cpuSamples = commands.map(() => []);
for (let i = 0; i < RUNS; i++) {
  commands.forEach((c, k) => {
    const r = runOnce(c);
    samples[k].push(r.ms);
    if (r.cpu !== null) cpuSamples[k].push(r.cpu);
  });
}
const med = samples.map(median);
const cpu = cpuSamples.map((xs) => (xs.length ? median(xs) : null));
const [node, check] = med;
const verifyIdx = commands.findIndex((c) => c.cmd === "systemd-analyze");
const above = (x, base) => `${x >= base ? "+" : "−"}${fmtMs(Math.abs(x - base))}`;
const rows = commands.map(
  (c, k) =>
    `| ${c.label} | ${fmtMs(med[k])} | ${k === 0 ? "" : above(med[k], node)} | ${cpu[k] === null ? "–" : fmtMs(cpu[k])} | ${k === 0 || cpu[k] === null ? "" : above(cpu[k], cpu[0])} |`,
);
rmSync(dir, { recursive: true, force: true });
rmSync(noCache, { recursive: true, force: true });
rmSync(project, { recursive: true, force: true });

const cpuNote = cpu[1] !== null ? `; CPU time (user + sys) **${fmtMs(cpu[1] - cpu[0])} above** (${(cpu[1] / cpu[0]).toFixed(2)}× bare Node's)` : "";
const body = `Reproduce with \`npm run build && node bench/startup.mjs --write\`. ${RUNS} runs each, the commands taking turns, same run, with a small environment (PATH, LANG, HOME), timed by bash's \`time\`: medians of wall time and of CPU time (user + sys). Measured ${today()} on ${describeMachine()}; load average ${loadavg()[0].toFixed(1)} when the run started.

| command | wall | above bare Node | CPU (user + sys) | above bare Node |
| --- | ---: | ---: | ---: | ---: |
${rows.join("\n")}

unitlint's wall time is **${fmtMs(check - node)} above bare Node start-up** (${(check / node).toFixed(2)}× bare Node's; goal of issue 21: at most 40 ms above)${cpuNote}${verifyIdx > 0 ? `; it takes ${((check / med[verifyIdx]) * 100).toFixed(0)}% of the wall time of \`systemd-analyze verify\`` : ""}. The bin runs the bundled CLI from V8's code cache, made by the build (\`src/cli/loader.cjs\`); "code cache removed" is the same build without it, which is also what a Node version other than the build's gets (V8 rejects the cache and compiles as usual). "In a folder of other units" is the same file staged in a project: \`check\` reads the folder's other units (the benchmark corpus) so that the unit and set rules see the set, without running their file rules and most of their unit rules, or reporting on them.`;

console.log(body);
if (process.argv.includes("--write")) writeSection("docs/benchmarks.md", "Start-up: one file (the pre-commit case)", body);
