// `npm run bench`: every benchmark in one go, results written to docs/benchmarks.md
// (and docs/knowledge-corpus.md). Builds the corpus first (apt-get download; cached).
import { spawnSync } from "node:child_process";
import { buildCorpus } from "./corpus.mjs";

const node = process.execPath;
buildCorpus({ log: (m) => console.error(`   corpus: ${m}`) });
const step = (name, args) => {
  console.error(`== ${name}`);
  const r = spawnSync(node, args, { stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0) console.error(`   (${name} exited ${r.status})`);
};

step("start-up", ["bench/startup.mjs", "--write"]);
step("calendar", ["bench/calendar.mjs", "--write"]);
step("schedule", ["bench/schedule.mjs", "--write"]);
step("editor", ["bench/editor.mjs", "--write"]);
step("knowledge base vs verify", ["bench/verify-compare.mjs", "--write"]);
// Whole corpus and corpus x20 against systemd-analyze verify (a few minutes).
step("whole corpus and x20", ["bench/corpus-scale.mjs", "--write"]);
// 1,000 to 100,000 synthesised files (about ten minutes); `npm run bench -- --quick` skips it.
if (!process.argv.includes("--quick")) step("growth", ["bench/growth.mjs", "--write"]);
// The robustness report (docs/robustness.md) is not a benchmark: `node bench/robustness.mjs --write`.
