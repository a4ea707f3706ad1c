// Parsing alone: milliseconds per file to turn a unit file's text into its
// tree (parseFile: lexer, grammar, tree), on /lib/systemd/system/* and examples/**.
//
//   node bench/parse.mjs [--rounds N] [--against <checkout>] [--only <checkout>]
//
// The parser is bundled from the TypeScript sources with esbuild, so no build
// is needed. --against <checkout> bundles a second tree and times both in the
// same process, alternating rounds, so both figures come from the same machine
// state. An older commit, copied outside the repository:
//   mkdir /tmp/old && git archive <commit> src | tar -x -C /tmp/old
//   ln -s "$PWD/node_modules" /tmp/old/node_modules
// --only <checkout> times that tree alone.
import { build } from "esbuild";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describeMachine } from "./lib/machine.mjs";
import { median } from "./lib/measure.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const rounds = Number(arg("--rounds", "40"));
const here = resolve(import.meta.dirname, "..");
const trees = arg("--only") ? [["only", resolve(arg("--only"))]] : [["this tree", here]];
if (arg("--against")) trees.unshift(["against", resolve(arg("--against"))]);

function listFiles(dir, out = []) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names.sort()) {
    const p = join(dir, name);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue; // dangling link
    }
    if (st.isDirectory()) listFiles(p, out);
    else if (st.isFile()) out.push(p);
  }
  return out;
}

const files = [...listFiles("/lib/systemd/system"), ...listFiles(join(here, "examples"))]
  .map((path) => ({ path, text: readFileSync(path, "utf8") }))
  // A few symlinked names resolve to the same file; keep them, they are real input.
  .filter((f) => f.text.length > 0);
const lines = files.reduce((n, f) => n + f.text.split("\n").length, 0);

const tmp = mkdtempSync(join(tmpdir(), "unitlint-parse-bench-"));
async function load(root, tag) {
  const outfile = join(tmp, `${tag}.mjs`);
  await build({
    stdin: {
      contents: `export { parseFile } from ${JSON.stringify(join(root, "src/model/unit-file.ts"))};`,
      resolveDir: root,
      loader: "ts",
    },
    bundle: true,
    format: "esm",
    platform: "node",
    outfile,
    logLevel: "error",
  });
  const t0 = process.hrtime.bigint();
  // Importing builds the lexer and the grammar (Chevrotain's self-analysis): a start-up cost.
  const { parseFile } = await import(pathToFileURL(outfile).href);
  return { parseFile, loadMs: Number(process.hrtime.bigint() - t0) / 1e6 };
}

const parsers = [];
for (const [i, [label, root]] of trees.entries()) parsers.push({ label, root, ...(await load(root, `t${i}`)), samples: [] });
rmSync(tmp, { recursive: true, force: true });

let sink = 0;
const once = (p) => {
  const t0 = process.hrtime.bigint();
  for (const f of files) sink += p.parseFile(f.path, f.text).ast.lines.length;
  return Number(process.hrtime.bigint() - t0) / 1e6 / files.length;
};
// The first pass runs mostly unoptimised code, as a one-off `check` over a few hundred files does.
for (const p of parsers) p.firstPass = once(p);
// Warm-up: let the JIT settle on every parser before timing any.
for (let r = 0; r < 10; r++) for (const p of parsers) once(p);
for (let r = 0; r < rounds; r++) for (const p of parsers) p.samples.push(once(p));

console.log(`machine: ${describeMachine()}`);
console.log(`${files.length} files, ${(lines / files.length).toFixed(1)} lines per file on average, ${rounds} rounds`);
console.log("tree        load ms  first pass  median    min       max  (ms per file after warm-up)");
const ms = (x) => x.toFixed(4).padStart(8);
for (const p of parsers) {
  const s = p.samples;
  console.log(
    `${p.label.padEnd(10)} ${p.loadMs.toFixed(1).padStart(8)}  ${ms(p.firstPass)}  ${ms(median(s))}  ${ms(Math.min(...s))}  ${ms(Math.max(...s))}  (${p.root})`,
  );
}
if (sink < 0) console.log(sink);
