import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { dirnameOf, dropinTarget } from "../model/unit-file.js";
import { dropinNamesFor } from "../model/unit-set.js";

/**
 * Files that complete the picture of the given ones without being checked
 * themselves: the parent unit of a lone drop-in, and the drop-ins of a unit
 * file given alone (as in a pre-commit run over changed files only).
 */
export function contextFiles(files: string[]): string[] {
  const given = new Set(files);
  const extra = new Set<string>();
  const add = (p: string) => {
    if (!given.has(p) && isFile(p)) extra.add(p);
  };
  for (const f of files) {
    const target = dropinTarget(f);
    if (target) {
      const unitDir = dirnameOf(dirnameOf(f));
      add(join(unitDir, target));
      continue;
    }
    const dir = dirnameOf(f);
    const base = f.slice(dir.length + (dir === "." && !f.startsWith("./") ? 0 : 1));
    for (const name of dropinNamesFor(base)) {
      const d = join(dir, name + ".d");
      if (!isDir(d)) continue;
      for (const entry of safeList(d)) if (entry.endsWith(".conf")) add(join(d, entry));
    }
  }
  return [...extra].sort();
}

function isFile(p: string): boolean {
  try {
    return existsSync(p) && statSync(p).isFile();
  } catch {
    return false;
  }
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function safeList(d: string): string[] {
  try {
    return readdirSync(d).sort();
  } catch {
    return [];
  }
}
