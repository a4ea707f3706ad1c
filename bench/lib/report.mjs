// Sections of docs/benchmarks.md (and docs/robustness.md): each benchmark
// rewrites only its own "## Title" section, other engineers' sections stay.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..", "..");

export function writeSection(docRelPath, title, body, { docTitle = "# Benchmarks" } = {}) {
  const path = join(ROOT, docRelPath);
  let doc = existsSync(path) ? readFileSync(path, "utf8") : `${docTitle}\n`;
  const section = `## ${title}\n\n${body.trim()}\n`;
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const re = new RegExp(`## ${escaped}\\n[\\s\\S]*?(?=\\n## |$)`);
  doc = re.test(doc) ? doc.replace(re, section) : doc.trimEnd() + "\n\n" + section;
  writeFileSync(path, doc.trimEnd() + "\n");
}

export const fmtMs = (ms) => (ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`);
export const today = () => new Date().toISOString().slice(0, 10);
