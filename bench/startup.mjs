// The pre-commit case: one process checking one unit file, against bare
// `node -e 0` and `systemd-analyze verify` of the same file, in the same run
// (runs interleaved, so drift in the machine's load hits every command alike).
// Usage: node bench/startup.mjs [--runs N] [--before DIST] [--write]
//   --before DIST  also time another build (a copy of an older dist/) in the same run
//   --write        update docs/benchmarks.md
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeMachine, hasSystemdAnalyze } from "./lib/machine.mjs";
import { BIN, DIST, median } from "./lib/measure.mjs";
import { fmtMs, today, writeSection } from "./lib/report.mjs";

const opt = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const RUNS = Number(opt("--runs") ?? 30);
const BEFORE = opt("--before");

const dir = mkdtempSync(join(tmpdir(), "unitlint-bench-"));
const unit = join(dir, "ots-worker@.service");
writeFileSync(unit, readFileSync(join(import.meta.dirname, "..", "examples/onetime-secret/etc/systemd/ots-worker@.service")));

/** The bin of a build: the loader (unitlint.cjs) since the code cache, unitlint.js before. */
const binOf = (dist) => (existsSync(join(dist, "unitlint.cjs")) ? join(dist, "unitlint.cjs") : join(dist, "unitlint.js"));

// The same build without its code cache, to show what the cache saves.
const noCache = mkdtempSync(join(tmpdir(), "unitlint-nocache-"));
for (const f of ["unitlint.cjs", "cli.cjs"]) copyFileSync(join(DIST, f), join(noCache, f));

const commands = [
  { label: "`node -e 0` (bare Node start-up)", cmd: process.execPath, args: ["-e", "0"] },
  { label: "`unitlint check ots-worker@.service`", cmd: process.execPath, args: [BIN, "check", unit] },
  { label: "`unitlint check ots-worker@.service`, code cache removed", cmd: process.execPath, args: [binOf(noCache), "check", unit] },
];
if (BEFORE)
  commands.push({ label: "`unitlint check ots-worker@.service`, build before the start-up work", cmd: process.execPath, args: [binOf(BEFORE), "check", unit] });
if (hasSystemdAnalyze())
  commands.push({ label: "`systemd-analyze verify --man=no ots-worker@.service`", cmd: "systemd-analyze", args: ["verify", "--man=no", unit] });

for (const c of commands) spawnSync(c.cmd, c.args, { stdio: "ignore" }); // warm the page cache
const samples = commands.map(() => []);
for (let i = 0; i < RUNS; i++) {
  commands.forEach((c, k) => {
    const t0 = process.hrtime.bigint();
    spawnSync(c.cmd, c.args, { stdio: "ignore" });
    samples[k].push(Number(process.hrtime.bigint() - t0) / 1e6);
  });
}
const med = samples.map(median);
const [node, check] = med;
const verifyIdx = commands.findIndex((c) => c.cmd === "systemd-analyze");
const rows = commands.map((c, k) => `| ${c.label} | ${fmtMs(med[k])} | ${k === 0 ? "" : `${med[k] >= node ? "+" : "−"}${fmtMs(Math.abs(med[k] - node))}`} |`);
rmSync(dir, { recursive: true, force: true });
rmSync(noCache, { recursive: true, force: true });

const body = `Reproduce with \`npm run build && node bench/startup.mjs --write\`. Median of ${RUNS} runs each, the commands taking turns, same run. Measured ${today()} on ${describeMachine()}.

| command | median | above bare Node |
| --- | ---: | ---: |
${rows.join("\n")}

unitlint costs **${fmtMs(check - node)} above bare Node start-up** (target: under 60 ms)${verifyIdx > 0 ? ` and takes ${((check / med[verifyIdx]) * 100).toFixed(0)}% of the time of \`systemd-analyze verify\`` : ""}. The bin runs the bundled CLI from V8's code cache, made by the build (\`src/cli/loader.cjs\`); "code cache removed" is the same build without it, which is also what a Node version other than the build's gets (V8 rejects the cache and compiles as usual).`;

console.log(body);
if (process.argv.includes("--write")) writeSection("docs/benchmarks.md", "Start-up: one file (the pre-commit case)", body);
