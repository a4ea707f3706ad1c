// Whole corpus and corpus x20: `unitlint check` against one `systemd-analyze
// verify --man=no` call over the same unit files, in the same run; the marginal
// cost per extra file is (t(x20) - t(x1)) / (files x20 - files x1).
// Usage: node bench/corpus-scale.mjs [--runs N] [--copies K] [--write]
// (`npm run bench` builds first and passes --write.)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { corpusPackages, corpusUnitFiles, synthesize } from "./lib/corpus-files.mjs";
import { describeMachine, hasSystemdAnalyze } from "./lib/machine.mjs";
import { BIN, timeAndPeakRss, timeCommand } from "./lib/measure.mjs";
import { fmtMs, today, writeSection } from "./lib/report.mjs";

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const RUNS = arg("--runs", 5);
const COPIES = arg("--copies", 20);

const unitlint = (files) => [BIN, "check", "--no-config", "--format", "json", ...files];
const verify = (files) => ["verify", "--man=no", ...files];

export async function corpusScale({ write = false, log = console.error } = {}) {
  const withVerify = hasSystemdAnalyze();
  const files = corpusUnitFiles();
  const n = files.length;
  log(`   whole corpus: ${n} files`);
  const u1 = timeCommand(process.execPath, unitlint(files), { runs: RUNS });
  const v1 = withVerify ? timeCommand("systemd-analyze", verify(files), { runs: RUNS }) : null;
  const um1 = await timeAndPeakRss(process.execPath, unitlint(files));
  const vm1 = withVerify ? await timeAndPeakRss("systemd-analyze", verify(files)) : null;

  const dir = mkdtempSync(join(tmpdir(), "unitlint-scale-"));
  let big;
  try {
    const many = synthesize(dir, files, n * COPIES);
    log(`   corpus x${COPIES}: ${many.length} files`);
    const runs = Math.max(1, Math.min(RUNS, 3));
    const uK = timeCommand(process.execPath, unitlint(many), { runs, warmup: 1 });
    const vK = withVerify ? timeCommand("systemd-analyze", verify(many), { runs, warmup: 0 }) : null;
    const umK = await timeAndPeakRss(process.execPath, unitlint(many));
    const vmK = withVerify ? await timeAndPeakRss("systemd-analyze", verify(many)) : null;
    // --cache: one cold run writes the cache, then warm runs over the unchanged files; and a run after one edit.
    const cacheFile = join(dir, "bench.unitlintcache");
    const cached = [...unitlint(many).slice(0, 2), "--cache-location", cacheFile, ...unitlint(many).slice(2)];
    const cold = timeCommand("sh", ["-c", `rm -f '${cacheFile}' && exec "$0" "$@"`, process.execPath, ...cached], { runs, warmup: 0 });
    const warm = timeCommand(process.execPath, cached, { runs, warmup: 1 });
    const edited = many[Math.floor(many.length / 2)];
    const touch = `printf '\\n# edited %s\\n' "$$" >> '${edited}' && exec "$0" "$@"`;
    const oneEdit = timeCommand("sh", ["-c", touch, process.execPath, ...cached], { runs, warmup: 0 });
    // An edit other units' rules read (an ordering dependency): every unit's rules and the set rules run again.
    const depend = `printf '\n[Unit]\nAfter=edited-%s.service\n' "$$" >> '${edited}' && exec "$0" "$@"`;
    const dependencyEdit = timeCommand("sh", ["-c", depend, process.execPath, ...cached], { runs, warmup: 0 });
    big = { count: many.length, runs, uK, vK, umK, vmK, cold, warm, oneEdit, dependencyEdit };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const extra = big.count - n;
  const pu = (big.uK.median - u1.median) / extra;
  const pv = big.vK ? (big.vK.median - v1.median) / extra : null;
  const machine = describeMachine();
  // "unitlint is 3.6x faster than verify" / "unitlint takes 2.28x the time of verify"
  const faster = (theirs, ours) =>
    theirs >= ours ? `is **${(theirs / ours).toFixed(1)}x faster** than` : `takes **${(ours / theirs).toFixed(2)}x the time of**`;
  const mem = (r) => (r ? `${r.peakMiB.toFixed(0)} MiB` : "n/a");

  const whole = `Reproduce with \`npm run bench\` (or \`npm run build && node bench/corpus-scale.mjs --write\`). Measured ${today()} on ${machine}.

${n} loadable unit files (templates, drop-ins and enablement links left out; one file per unit name) of ${corpusPackages().length - 1} Debian server packages plus this machine's /lib/systemd/system (\`bench/corpus.mjs\`), one process over all of them, median of ${RUNS} runs after a warm-up, both commands in the same run, each with a small environment (PATH, LANG, HOME: \`BENCH_ENV\` in \`bench/lib/measure.mjs\`). Peak memory: maximum RSS of one further run.

| command | median | peak memory |
| --- | ---: | ---: |
| \`unitlint check --no-config --format json\` (all default rules, set analysis) | ${fmtMs(u1.median)} | ${mem(um1)} |
| \`systemd-analyze verify --man=no\` | ${v1 ? fmtMs(v1.median) : "n/a"} | ${mem(vm1)} |

${v1 ? `unitlint ${faster(v1.median, u1.median)} verify, start-up included (target: 3x faster).` : "systemd-analyze is not installed here: no comparison."}`;

  const scale = `The corpus copied ${COPIES} times under distinct unit names (\`foo.service\`, \`foo-c1.service\`, …; ${big.count.toLocaleString("en")} files, 500 to a folder), one process over all files, median of ${big.runs} runs, in the same run as the whole-corpus figures above (${machine}).

| command | x1 (${n} files) | x${COPIES} (${big.count.toLocaleString("en")} files) | cost per extra file | peak memory x1 → x${COPIES} |
| --- | ---: | ---: | ---: | ---: |
| \`unitlint check\` | ${fmtMs(u1.median)} | ${fmtMs(big.uK.median)} | ${pu.toFixed(3)} ms | ${mem(um1)} → ${mem(big.umK)} |
| \`systemd-analyze verify --man=no\` | ${v1 ? fmtMs(v1.median) : "n/a"} | ${big.vK ? fmtMs(big.vK.median) : "n/a"} | ${pv === null ? "n/a" : pv.toFixed(3) + " ms"} | ${mem(vm1)} → ${mem(big.vmK)} |
${pv === null ? "" : `\nAt ${big.count.toLocaleString("en")} files unitlint ${faster(big.vK.median, big.uK.median)} verify; its marginal cost per file is **${(pv / pu).toFixed(1)}x lower** (target: 30x lower). unitlint holds every parsed file, effective unit and finding until the report is printed (set rules need the whole set), so it uses more memory than verify, which loads units one by one.`}`;

  const vsPlain = (ms) => (ms <= big.uK.median ? `${(big.uK.median / ms).toFixed(1)}x faster` : `${(ms / big.uK.median).toFixed(2)}x the time`);
  const cache = `\`unitlint check --cache\` over the same ${big.count.toLocaleString("en")} files, median of ${big.runs} runs (${machine}): a cold run (no cache file yet), a warm run over the unchanged files (output identical, as \`test/cli/cache.test.ts\` checks), a run after a comment was added to one file, and a run after an ordering dependency (\`After=\`) was added to one file.

| run | median | vs the run without --cache |
| --- | ---: | ---: |
| without --cache | ${fmtMs(big.uK.median)} | 1x |
| cold, writing the cache | ${fmtMs(big.cold.median)} | ${(big.cold.median / big.uK.median).toFixed(2)}x the time |
| warm, nothing changed | ${fmtMs(big.warm.median)} | **${(big.uK.median / big.warm.median).toFixed(1)}x faster** (target: 5x) |
| one file edited (a comment) | ${fmtMs(big.oneEdit.median)} | ${vsPlain(big.oneEdit.median)} |
| one file edited (\`After=\` added) | ${fmtMs(big.dependencyEdit.median)} | ${vsPlain(big.dependencyEdit.median)} |

After an edit every file is parsed again (the unit and set rules need the set). The file rules of unchanged files and the unit rules of units the edit does not concern come from the cache, and so do the set rules' findings while the edit leaves what rules read across units unchanged (docs/decisions.md); an edited dependency, \`[Install]\` line or timer setting changes that, and every unit's rules and the set rules run again.`;

  if (write) {
    writeSection("docs/benchmarks.md", "Re-runs: check --cache", cache);
    writeSection("docs/benchmarks.md", "Whole corpus", whole);
    writeSection("docs/benchmarks.md", `Scale: the corpus x${COPIES}`, scale);
  }
  return `## Whole corpus\n\n${whole}\n\n## Scale: the corpus x${COPIES}\n\n${scale}\n\n## Re-runs: check --cache\n\n${cache}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await corpusScale({ write: process.argv.includes("--write") }));
}
