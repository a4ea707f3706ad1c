// The review of every regular expression literal in src/ (docs/robustness.md,
// "Regular expressions on user text"): why each one is linear, with the
// measured growth on its worst adversarial input. Prints the table;
// `--write` puts it in docs/robustness.md between the markers.
// Run: npx tsx scripts/regex-review.ts [--write]
import { readFileSync, writeFileSync } from "node:fs";
import { allRegexes, INPUTS, timeRun } from "../test/robustness/support/regexes.js";

const SMALL = 4000;
const LARGE = 8 * SMALL;

/** Unbounded repetitions outside character classes, and whether every alternative is anchored at the start. */
function shape(source: string): { reps: number; anchored: boolean; lastIsRep: boolean } {
  const body = source.slice(1, source.lastIndexOf("/"));
  let reps = 0;
  let depth = 0;
  let topAlternation = false;
  let lastIsRep = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    lastIsRep = false;
    if (c === "\\") {
      i++;
      continue;
    }
    if (c === "[") {
      for (i++; i < body.length && body[i] !== "]"; i++) if (body[i] === "\\") i++;
      continue;
    }
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) topAlternation = true;
    else if (c === "*" || c === "+") {
      reps++;
      lastIsRep = true;
      if (body[i + 1] === "?") i++;
    } else if (c === "{" && /^\{\d+,\}/.test(body.slice(i))) {
      reps++;
      lastIsRep = true;
      i = body.indexOf("}", i);
    }
  }
  const anchored = body.startsWith("^") && (!topAlternation || body.split("|").every((a) => a.startsWith("^") || a.startsWith("(?:^")));
  return { reps, anchored, lastIsRep };
}

function reason(source: string): string {
  const s = shape(source);
  if (s.reps === 0) return "no unbounded repetition: constant work at each position";
  if (s.anchored && s.reps === 1) return "anchored at the start, one repetition: one pass";
  if (s.reps === 1 && s.lastIsRep && !/\$\/[a-z]*$/.test(source)) return "one repetition that ends the pattern: the first run found matches";
  if (s.anchored) return "anchored at the start: tried at position 0 only; measured";
  return "measured";
}

const rows: string[] = [];
let worstRatio = 0;
const regexes = allRegexes();
for (const r of regexes) {
  let worst = { t: -1, label: "", make: INPUTS[0]!.make };
  for (const input of INPUTS) {
    const t = timeRun(r.re, input.make(SMALL));
    if (t > worst.t) worst = { t, label: input.label, make: input.make };
  }
  const a = timeRun(r.re, worst.make(SMALL), 5);
  const b = timeRun(r.re, worst.make(LARGE), 3);
  const ratio = a > 0.02 ? b / a : NaN; // below 20 µs the clock says nothing
  if (ratio > worstRatio) worstRatio = ratio;
  const growth = Number.isNaN(ratio) ? `< 0.02 ms` : `${a.toFixed(2)} → ${b.toFixed(2)} ms (×${ratio.toFixed(1)})`;
  rows.push(`| ${r.where} | \`${r.source.replace(/\|/g, "\\|").replace(/`/g, "\\`")}\` | ${reason(r.source)} | ${growth} |`);
}

const table = [
  `${regexes.length} regular expression literals in src/ (every one the TypeScript parser finds). Growth: the slowest of ${INPUTS.length} adversarial inputs at ${SMALL.toLocaleString("en")} characters, then the same input at ${LARGE.toLocaleString("en")} (×8: linear is about ×8, quadratic ×64; timings this small are noisy). Worst ratio this run: ×${worstRatio.toFixed(1)}. Regenerate with \`npx tsx scripts/regex-review.ts --write\`.`,
  "",
  "| where | regex | why it is linear | growth, worst input |",
  "| --- | --- | --- | ---: |",
  ...rows,
].join("\n");

if (process.argv.includes("--write")) {
  const path = new URL("../docs/robustness.md", import.meta.url);
  const doc = readFileSync(path, "utf8");
  const begin = "<!-- regex-review:begin -->";
  const end = "<!-- regex-review:end -->";
  const i = doc.indexOf(begin);
  const j = doc.indexOf(end);
  if (i < 0 || j < 0) throw new Error("docs/robustness.md has no regex-review markers");
  writeFileSync(path, doc.slice(0, i + begin.length) + "\n" + table + "\n" + doc.slice(j));
} else console.log(table);
