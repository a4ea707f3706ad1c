/**
 * The generated value sweep (issue #17) against systemd 252: `npx tsx scripts/value-sweep.ts [--write] [--list] [--baseline]`.
 * Prints, per value kind (systemd's handler), how many cases systemd refuses, how many of those unitlint
 * reports as errors (recall) and how many errors unitlint reports on values systemd takes (false alarms);
 * `--list` prints every disagreement; `--write` puts the table into docs/knowledge-corpus.md (its own section).
 * Needs systemd-analyze of systemd 252.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hasSystemdAnalyze } from "../test/calendar/support/systemd-analyze.js";
import { describeOutcome, figures, judgeSweep, openByKind, writeSweep, type KindFigures } from "../test/values/support/sweep.js";

const args = new Set(process.argv.slice(2));
if (!hasSystemdAnalyze) {
  console.error("value-sweep: systemd-analyze of systemd 252 is not installed");
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), "unitlint-sweep-"));
let outcomes;
try {
  outcomes = judgeSweep(writeSweep(dir));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const rows = figures(outcomes);
const total: KindFigures = rows.reduce(
  (t, r) => ({
    ...t,
    settings: t.settings + r.settings,
    cases: t.cases + r.cases,
    refused: t.refused + r.refused,
    caught: t.caught + r.caught,
    falseAlarms: t.falseAlarms + r.falseAlarms,
    reviewed: t.reviewed + r.reviewed,
  }),
  { kind: "all", settings: 0, cases: 0, refused: 0, caught: 0, falseAlarms: 0, reviewed: 0 },
);
const recall = (r: KindFigures) => (r.refused ? `${((100 * r.caught) / r.refused).toFixed(1)}%` : "–");
const table = [
  "| value kind (systemd handler) | settings | cases | refused by systemd | also errors in unitlint | recall | false alarms | of them reviewed |",
  "|---|---:|---:|---:|---:|---:|---:|---:|",
  ...[...rows, total].map(
    (r) =>
      `| ${r.kind === "all" ? "**all**" : `\`${r.kind}\``} | ${r.settings} | ${r.cases} | ${r.refused} | ${r.caught} | ${recall(r)} | ${r.falseAlarms} | ${r.reviewed} |`,
  ),
].join("\n");
console.log(table);
const disagreements = outcomes.filter((o) => (o.systemd !== undefined) !== (o.unitlint !== undefined));
console.log(`\n${disagreements.length} disagreements in ${outcomes.length} cases`);
if (args.has("--list")) for (const o of disagreements) console.log(describeOutcome(o));
// The open disagreements per kind, as test/values/sweep-differential.test.ts's OPEN baseline wants them.
if (args.has("--baseline")) console.log(JSON.stringify(openByKind(outcomes), null, 2));

if (args.has("--write")) {
  const file = "docs/knowledge-corpus.md";
  const heading = "## The generated value sweep";
  const section = [
    heading,
    "",
    "`npx tsx scripts/value-sweep.ts --write` (the cases are test/values/support/sweep.ts; test/values/sweep-differential.test.ts",
    "asserts the same) writes one unit per case — every setting of systemd 252's parser table grouped by its handler, all",
    "[Service] settings of a kind (else those of the kind's own unit type), with edge cases (empty, specifiers, a trailing %,",
    "the prefixes - + ~ ! |, overflow, quotes, whitespace), the kind's valid and invalid values and the hand corpus's — runs",
    "one `systemd-analyze verify` over them, and counts the lines systemd logs as bad against unitlint's errors on them.",
    "Recall is the share of refused lines unitlint also errors on; a false alarm is an error on a line systemd takes;",
    '"reviewed" counts the false alarms where unitlint is right and `verify` is silent (UNITLINT_RIGHT in sweep.ts:',
    "`verify --recursive-errors=no` does not check dependency names; Type=dbus without BusName= refuses the unit without",
    "a line number). Most refused lines unitlint misses are `%i` in units that are not templates (systemd expands it to",
    "nothing; the value grammars do not know the unit's name) and the kinds unitlint has no grammar for yet (at 0%).",
    "Some refusals depend on the machine systemd runs on (HOST_DEPENDENT in sweep.ts: Personality= takes only the host's",
    "own architectures, x86-64 and x86 for the judge): unitlint warns on those, so they count as misses here and are not",
    "open disagreements.",
    "",
    table,
    "",
  ].join("\n");
  const doc = readFileSync(file, "utf8");
  const at = doc.indexOf(heading);
  let next: string;
  if (at < 0) next = `${doc.trimEnd()}\n\n${section}`;
  else {
    const end = doc.indexOf("\n## ", at + heading.length);
    next = doc.slice(0, at) + section + (end < 0 ? "" : doc.slice(end + 1));
  }
  writeFileSync(file, next.endsWith("\n") ? next : `${next}\n`);
  console.log(`wrote ${file}`);
}
