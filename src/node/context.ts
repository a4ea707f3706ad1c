import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { dirnameOf, dropinTarget } from "../model/unit-file.js";
import { dropinNamesFor } from "../model/unit-set.js";
import { UNIT_TYPES } from "../model/unit-name.js";

/**
 * Files that complete the picture of the given ones without being checked
 * themselves: the parent unit of a lone drop-in, the drop-ins of a unit file
 * given alone, and the other units (with their drop-ins) of the folder a unit
 * file was given from — a pre-commit run passes only the changed files, and a
 * staged timer must still find its service.
 */
export function contextFiles(files: string[]): string[] {
  const given = new Set(files.map((f) => resolve(f)));
  const extra = new Set<string>();
  const siblingDirs = new Set<string>();
  // `absolute`: p resolved, when the caller has it cheaper (a folder resolved once, joined with each entry).
  const add = (p: string, absolute = resolve(p)) => {
    if (!given.has(absolute) && isFile(p)) extra.add(p);
  };
  // Each folder is listed once: probing every possible drop-in folder name of every unit with
  // stat() was most of this function's time on large sets (a dozen names per unit, nearly all absent).
  const listings = new Map<string, Set<string> | null>();
  const listing = (dir: string) => {
    let l = listings.get(dir);
    if (l === undefined) {
      l = safeListOrNull(dir);
      listings.set(dir, l);
    }
    return l;
  };
  const dropinsDone = new Set<string>();
  const addDropins = (dir: string, unit: string) => {
    const key = `${dir}\0${unit}`;
    if (dropinsDone.has(key)) return;
    dropinsDone.add(key);
    const entries = listing(dir);
    for (const name of dropinNamesFor(unit)) {
      // An unlistable folder (search permission only) still gets the stat probe.
      if (entries && !entries.has(name + ".d")) continue;
      const d = join(dir, name + ".d");
      if (!isDir(d)) continue;
      for (const entry of safeList(d)) if (entry.endsWith(".conf")) add(join(d, entry));
    }
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
    addDropins(dir, base);
    if (!isUnitName(base)) continue;
    if (!siblingDirs.has(dir)) {
      siblingDirs.add(dir);
      const absDir = resolve(dir);
      for (const entry of safeList(dir)) {
        if (!isUnitName(entry)) continue;
        const absolute = join(absDir, entry);
        // A given sibling (every file of a walked folder) had its drop-ins looked up as a given file already.
        if (given.has(absolute)) continue;
        add(join(dir, entry), absolute);
        addDropins(dir, entry);
      }
    }
  }
  return [...extra].sort();
}

const UNIT_NAME = new RegExp(`^[^/]+\\.(${UNIT_TYPES.join("|")})$`);
function isUnitName(name: string): boolean {
  return UNIT_NAME.test(name);
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

function safeListOrNull(d: string): Set<string> | null {
  try {
    return new Set(readdirSync(d));
  } catch {
    return null;
  }
}

function safeList(d: string): string[] {
  try {
    return readdirSync(d).sort();
  } catch {
    return [];
  }
}
