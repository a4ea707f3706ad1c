// The pre-commit case: one process checking one unit file, against bare
// `node -e 0` and `systemd-analyze verify` of the same file, in the same run
// (runs interleaved, so drift in the machine's load hits every command alike).
// Usage: node bench/startup.mjs [--runs N] [--before DIST] [--write]
//   --before DIST  also time another build (a copy of an older dist/) in the same run
//   --write        update docs/benchmarks.md
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
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

/**
 * The files of a build that `check` of one file evaluates: every script that
 * shows up in a fine-grained CPU profile (each module's top-level code runs once).
 */
function loadedFiles(dist) {
  const prof = mkdtempSync(join(tmpdir(), "unitlint-prof-"));
  try {
    spawnSync(process.execPath, ["--cpu-prof", "--cpu-prof-interval", "20", "--cpu-prof-dir", prof, join(dist, "unitlint.js"), "check", unit], { stdio: "ignore" });
    const p = JSON.parse(readFileSync(join(prof, readdirSync(prof)[0]), "utf8"));
    const urls = new Set(p.nodes.map((n) => n.callFrame.url).filter((u) => u.startsWith(`file://${dist}/`)));
    const bytes = [...urls].reduce((n, u) => n + statSync(new URL(u)).size, 0);
    const all = [join(dist, "unitlint.js"), ...readdirSync(join(dist, "chunks")).map((f) => join(dist, "chunks", f))].reduce((n, f) => n + statSync(f).size, 0);
    return { count: urls.size, bytes, all };
  } finally {
    rmSync(prof, { recursive: true, force: true });
  }
}

const commands = [
  { label: "`node -e 0` (bare Node start-up)", cmd: process.execPath, args: ["-e", "0"] },
  { label: "`unitlint check ots-worker@.service`", cmd: process.execPath, args: [BIN, "check", unit], dist: DIST },
];
if (BEFORE) commands.push({ label: "`unitlint check ots-worker@.service`, build before the start-up work", cmd: process.execPath, args: [join(BEFORE, "unitlint.js"), "check", unit], dist: BEFORE });
if (hasSystemdAnalyze()) commands.push({ label: "`systemd-analyze verify --man=no ots-worker@.service`", cmd: "systemd-analyze", args: ["verify", "--man=no", unit] });

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
const kib = (b) => `${(b / 1024).toFixed(0)} KiB`;
const rows = commands.map((c, k) => {
  const l = c.dist ? loadedFiles(c.dist) : null;
  return `| ${c.label} | ${fmtMs(med[k])} | ${k === 0 ? "" : `${med[k] >= node ? "+" : "−"}${fmtMs(Math.abs(med[k] - node))}`} | ${l ? `about ${kib(l.bytes)} of ${kib(l.all)}` : ""} |`;
});
rmSync(dir, { recursive: true, force: true });

const body = `Reproduce with \`npm run build && node bench/startup.mjs --write\`. Median of ${RUNS} runs each, the commands taking turns, same run. Measured ${today()} on ${describeMachine()}.

| command | median | above bare Node | code evaluated (of the whole build) |
| --- | ---: | ---: | ---: |
${rows.join("\n")}

unitlint costs **${fmtMs(check - node)} above bare Node start-up** (target: under 60 ms)${verifyIdx > 0 ? ` and takes ${((check / med[verifyIdx]) * 100).toFixed(0)}% of the time of \`systemd-analyze verify\`` : ""}. "Code evaluated" adds up the bundle files whose code shows up in a fine-grained \`--cpu-prof\` (a file whose top level runs in a few microseconds can be missed, hence "about").`;

console.log(body);
if (process.argv.includes("--write")) writeSection("docs/benchmarks.md", "Start-up: one file (the pre-commit case)", body);
