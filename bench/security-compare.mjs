// Compares `unitlint security` with `systemd-analyze security --offline=true`
// on every service of the Debian-package corpus (bench/corpus.mjs) and of the
// host (/lib/systemd/system): the overall score and every check's verdict, and
// the time both take for the whole set in one process each. Writes the result
// to docs/hardening.md between the "security-compare" markers.
// Usage: npm run build && node bench/security-compare.mjs [--write]
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { buildCorpus } from "./corpus.mjs";

const ROOT = join(import.meta.dirname, "..");
const BIN = join(ROOT, "dist", "unitlint.cjs");
const CORPUS = join(import.meta.dirname, "corpus");

function services(dir, out = []) {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue; // dangling alias links
    }
    if (st.isDirectory()) {
      if (!/\.(wants|requires|d)$/.test(n) && n !== "_host") services(p, out);
    } else if (n.endsWith(".service") && !n.includes("@.")) out.push(p);
  }
  return out;
}

const oracle = (paths) => {
  const json = spawnSync("systemd-analyze", ["security", "--offline=true", "--json=short", "--no-pager", ...paths], { encoding: "utf8", maxBuffer: 1 << 28 });
  const text = spawnSync("systemd-analyze", ["security", "--offline=true", "--no-pager", ...paths], { encoding: "utf8", maxBuffer: 1 << 28 });
  const arrays = json.stdout.split("\n").filter((l) => l.startsWith("["));
  const names = [...text.stdout.matchAll(/Overall exposure level for (\S+): (\d+\.\d) (\w+)/g)];
  return new Map(names.map((m, i) => [m[1], { score: m[2], rating: m[3], checks: JSON.parse(arrays[i]) }]));
};

buildCorpus({ log: () => {} });
const sets = [
  ["Debian-package corpus (50 packages)", existsSync(CORPUS) ? services(CORPUS) : []],
  ["host /lib/systemd/system", existsSync("/lib/systemd/system") ? services("/lib/systemd/system") : []],
];
const rows = [];
const differences = [];
for (const [label, paths] of sets) {
  if (paths.length === 0) continue;
  // one unit per process call on both sides would measure start-up only: compare one call over the whole set
  const t0 = process.hrtime.bigint();
  const ours = spawnSync(process.execPath, [BIN, "security", "--format", "json", ...paths], { encoding: "utf8", maxBuffer: 1 << 28 });
  const tOurs = Number(process.hrtime.bigint() - t0) / 1e6;
  const t1 = process.hrtime.bigint();
  const theirs = oracle(paths);
  const tTheirs = Number(process.hrtime.bigint() - t1) / 1e6 / 2; // oracle() runs systemd-analyze twice (JSON + table)
  const reports = JSON.parse(ours.stdout);
  let same = 0;
  let compared = 0;
  for (const r of reports) {
    const o = theirs.get(r.unit);
    if (!o) continue; // systemd refuses to load it (fatal setting) or it is an alias
    compared++;
    const bad = [];
    if (r.exposure.toFixed(1) !== o.score || r.rating !== o.rating) bad.push(`overall ${r.exposure.toFixed(1)} ${r.rating} vs ${o.score} ${o.rating}`);
    for (const oc of o.checks) {
      const c = r.checks.find((x) => x.jsonField === oc.json_field);
      const exp = c && c.exposure !== null ? c.exposure.toFixed(1) : null;
      if (!c || c.set !== oc.set || exp !== oc.exposure) bad.push(`${oc.name}: ${c ? `${c.set}/${exp}` : "missing"} vs ${oc.set}/${oc.exposure}`);
    }
    if (bad.length) differences.push(`${r.file}: ${bad.join("; ")}`);
    else same++;
  }
  rows.push({ label, units: paths.length, compared, same, tOurs, tTheirs });
}

const machine = `${cpus()[0]?.model ?? "unknown CPU"} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const table = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}; systemd-analyze of systemd ${spawnSync("systemd-analyze", ["--version"], { encoding: "utf8" }).stdout.split("\n")[0]}.`,
  "",
  "| set | service files | loaded by systemd | identical (score, rating, every check) | unitlint, one process | systemd-analyze security, one process |",
  "| --- | ---: | ---: | ---: | ---: | ---: |",
  ...rows.map((r) => `| ${r.label} | ${r.units} | ${r.compared} | ${r.same} | ${r.tOurs.toFixed(0)} ms | ${r.tTheirs.toFixed(0)} ms |`),
  "",
  differences.length ? `Differences:\n\n${differences.map((d) => `- ${d}`).join("\n")}` : "No differences.",
].join("\n");
console.log(table);
if (process.argv.includes("--write")) {
  const doc = join(ROOT, "docs", "hardening.md");
  const text = readFileSync(doc, "utf8");
  const start = "<!-- security-compare:start -->";
  const end = "<!-- security-compare:end -->";
  writeFileSync(doc, text.slice(0, text.indexOf(start) + start.length) + "\n" + table + "\n" + text.slice(text.indexOf(end)));
}
