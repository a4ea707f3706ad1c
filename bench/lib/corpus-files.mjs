// The corpus as checked by the benchmarks: loadable unit files (no templates,
// drop-ins or enablement links), and synthesised copies of it at any size.
import { lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { buildCorpus } from "../corpus.mjs";

export const CORPUS_DIR = join(import.meta.dirname, "..", "corpus");
const LOADABLE = /\.(service|socket|timer|path|mount|automount|swap|slice|target)$/;

/**
 * Build (or reuse) bench/corpus and list its loadable unit files, sorted, one
 * per unit name (systemd-analyze verify loads units by name: a second
 * `podman.service` from the user folder would not be a second unit for it).
 */
export function corpusUnitFiles() {
  buildCorpus({ log: (m) => console.error(`   corpus: ${m}`) });
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      const st = lstatSync(p);
      // Enablement folders hold links to units listed elsewhere; links (masks, aliases) are not units of their own.
      if (st.isDirectory()) {
        if (!/\.(wants|requires|upholds|d)$/.test(name)) walk(p);
      } else if (st.isFile() && LOADABLE.test(name) && !name.includes("@")) files.push(p);
    }
  };
  walk(CORPUS_DIR);
  const seen = new Set();
  return files.filter((p) => !seen.has(basename(p)) && seen.add(basename(p)));
}

export function corpusPackages() {
  return readdirSync(CORPUS_DIR).filter((d) => lstatSync(join(CORPUS_DIR, d)).isDirectory());
}

/** `foo.service` → `foo-c7.service`: a distinct unit name for copy 7 (copy 0 keeps the original names). */
export function copyName(name, k) {
  if (k === 0) return name;
  const dot = name.lastIndexOf(".");
  return `${name.slice(0, dot)}-c${k}${name.slice(dot)}`;
}

/**
 * Write `count` unit files into `dir` (emptied first): the corpus files
 * repeated under distinct names, 500 to a folder. Returns the paths written.
 */
export function synthesize(dir, sources, count) {
  rmSync(dir, { recursive: true, force: true });
  const texts = sources.map((p) => ({ name: basename(p), text: readFileSync(p) }));
  const out = [];
  for (let i = 0; i < count; i++) {
    const k = Math.floor(i / texts.length);
    const src = texts[i % texts.length];
    const folder = join(dir, `part${String(Math.floor(i / 500)).padStart(4, "0")}`);
    if (i % 500 === 0) mkdirSync(folder, { recursive: true });
    const p = join(folder, copyName(src.name, k));
    writeFileSync(p, src.text);
    out.push(p);
  }
  return out;
}
