// Growth: `unitlint check` over 1,000, 10,000 and 100,000 unit files
// synthesised from the corpus: wall time and peak memory (max RSS of the
// child), to see whether both grow linearly; `systemd-analyze verify` over
// the same files up to 10,000 files, and over a 10,000-file sample of larger
// sets (100,000 paths do not fit in one argument list, and verify would take
// far too long).
// Usage: node bench/growth.mjs [--sizes 1000,10000,100000] [--write]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { corpusUnitFiles, synthesize } from "./lib/corpus-files.mjs";
import { describeMachine, hasSystemdAnalyze } from "./lib/machine.mjs";
import { BIN, timeAndPeakRss } from "./lib/measure.mjs";
import { fmtMs, today, writeSection } from "./lib/report.mjs";

const argv = process.argv;
const opt = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const SIZES = (opt("--sizes") ?? "1000,10000,100000").split(",").map(Number);
/** Above this many files verify runs over a sample of this size. */
const VERIFY_WHOLE_UP_TO = 10_000;

const fmtS = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : fmtMs(ms));

export async function growth({ write = false, log = console.error } = {}) {
  const withVerify = hasSystemdAnalyze();
  const sources = corpusUnitFiles();
  const rows = [];
  for (const count of SIZES) {
    const dir = mkdtempSync(join(tmpdir(), "unitlint-growth-"));
    try {
      const files = synthesize(dir, sources, count);
      log(`   growth: ${count} files`);
      // Median of 3 up to 10,000 files, one run above (it takes a while).
      const n = count > 10_000 ? 1 : 3;
      const pick = async (cmd, args, opts) => {
        const rs = [];
        for (let i = 0; i < n; i++) rs.push(await timeAndPeakRss(cmd, args, opts));
        return rs.sort((a, b) => a.ms - b.ms)[rs.length >> 1];
      };
      // unitlint walks the folder itself (no argument list of 100,000 paths).
      const u = await pick(process.execPath, [BIN, "check", "--no-config", "--format", "json", dir]);
      if (u.status !== 0 && u.status !== 1) log(`   unitlint at ${count} files: exit status ${u.status}`);
      let v = null;
      let sample = null;
      if (withVerify && count <= VERIFY_WHOLE_UP_TO) v = await pick("systemd-analyze", ["verify", "--man=no", ...files]);
      else if (withVerify) {
        // Every (count / 10,000)th file of the big set: what verify costs for a sample of it.
        const step = Math.round(count / VERIFY_WHOLE_UP_TO);
        const some = files.filter((_, i) => i % step === 0);
        sample = { count: some.length, ...(await timeAndPeakRss("systemd-analyze", ["verify", "--man=no", ...some])) };
      }
      rows.push({ count, u, v, sample });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const bad = (r) => (r.status !== 0 && r.status !== 1 ? ` — **exit ${r.status}**` : "");
  const perFile = (i, pick) => {
    if (i === 0) return "";
    const a = pick(rows[i - 1]);
    const b = pick(rows[i]);
    if (!a || !b) return "";
    return ` (+${(((b.ms - a.ms) / (rows[i].count - rows[i - 1].count)) * 1000).toFixed(0)} µs per extra file)`;
  };
  const vCell = (r) => {
    if (r.sample) return `not run over all files (sample below)`;
    if (!r.v) return "n/a";
    return `${fmtS(r.v.ms)}, ${r.v.peakMiB.toFixed(0)} MiB${bad(r.v)}`;
  };
  const ratio = (r) => (r.v ? `${(r.v.ms / r.u.ms).toFixed(1)}x` : "");
  const sampleRows = rows.filter((r) => r.sample);
  // Linear growth is a flat cost per extra file from one row to the next.
  const slopes = rows.slice(1).map((r, i) => (r.u.ms - rows[i].u.ms) / (r.count - rows[i].count));
  const shape = () => {
    if (slopes.length < 2) return "";
    const grow = slopes[slopes.length - 1] / slopes[0];
    return grow < 1.3
      ? "unitlint's time grows linearly: the cost per extra file stays flat from one row to the next."
      : `unitlint's time grows faster than linearly: the cost per extra file is ${grow.toFixed(1)}x higher in the last step than in the first (the largest single item in a profile at 20,000 files is garbage collection over a heap that holds the whole set; see "Where the time goes" below).`;
  };
  const memory = () => {
    const [first, last] = [rows[0], rows[rows.length - 1]];
    const perFileKiB = ((last.u.peakMiB - first.u.peakMiB) * 1024) / (last.count - first.count);
    return `Peak memory grows with the set, about ${perFileKiB.toFixed(0)} KiB per extra file from the first row to the last: \`check\` runs each file's own rules as it parses the file and then keeps only what the unit and set rules need (its text, section headers and assignments, the effective unit, the rules' caches and the findings) until the report is printed, because the set rules (dependencies, timers and their services, install targets) need the whole set.`;
  };
  const body = `Reproduce with \`npm run build && node bench/growth.mjs --write\` (about ten minutes). Measured ${today()} on ${describeMachine()}.

Unit files synthesised from the corpus (its ${sources.length} loadable files repeated under distinct unit names, 500 to a folder). \`unitlint check --no-config --format json DIR\` (it walks the folder) against \`systemd-analyze verify --man=no\` given every file; wall time and peak resident memory of each process (GNU time's maximum RSS); median of 3 runs up to 10,000 files, one run above. Both in the same run, each with a small environment (PATH, LANG, HOME).

| files | \`unitlint check\`: time, peak memory | \`systemd-analyze verify\`: time, peak memory | verify / unitlint |
| ---: | --- | --- | ---: |
${rows.map((r, i) => `| ${r.count.toLocaleString("en")} | ${fmtS(r.u.ms)}, ${r.u.peakMiB.toFixed(0)} MiB${perFile(i, (x) => x.u)}${bad(r.u)} | ${vCell(r)}${perFile(i, (x) => x.v)} | ${ratio(r)} |`).join("\n")}
${sampleRows.map((r) => `\nAt ${r.count.toLocaleString("en")} files verify is not run over the whole set: the paths do not fit in one argument list (Linux's 2 MiB limit), and its time grows faster than linearly with the set. Over a sample of ${r.sample.count.toLocaleString("en")} of those files (every ${Math.round(r.count / r.sample.count)}th) it took ${fmtS(r.sample.ms)} (${r.sample.peakMiB.toFixed(0)} MiB), where unitlint checks all ${r.count.toLocaleString("en")} in ${fmtS(r.u.ms)}.`).join("\n")}

${shape()} ${memory()}`;
  if (write) writeSection("docs/benchmarks.md", "Growth: 1,000 to 100,000 files", body);
  return `## Growth: 1,000 to 100,000 files\n\n${body}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await growth({ write: process.argv.includes("--write") }));
}
