import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { emptyConfig, parseConfig, type ConfigError, type UnitlintConfig } from "../config/config.js";
import { readRegularFile } from "./read.js";

/** A configuration file is a few hundred bytes; a larger one is refused unread (`-c /dev/zero` once grew without bound). */
const MAX_CONFIG_BYTES = 1024 * 1024;

const CONFIG_NAMES = ["unitlint.config.json", ".unitlintrc.json"];

/**
 * The nearest config file at or above `dir`, if any. `memo` (folder → answer)
 * spares a run over many files the same walk; leave it out where files change
 * meanwhile (the language server).
 */
export function findConfigFile(dir: string, memo?: Map<string, string | undefined>): string | undefined {
  const start = resolve(dir);
  const visited: string[] = [];
  let d = start;
  let found: string | undefined;
  search: for (;;) {
    if (memo?.has(d)) {
      found = memo.get(d);
      break;
    }
    visited.push(d);
    for (const name of CONFIG_NAMES) {
      const p = join(d, name);
      try {
        if (existsSync(p) && statSync(p).isFile()) {
          found = p;
          break search;
        }
      } catch {
        /* unreadable folder: keep looking upward */
      }
    }
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  if (memo) for (const v of visited) memo.set(v, found);
  return found;
}

export interface LoadedConfig {
  path: string | null;
  dir: string;
  config: UnitlintConfig;
  errors: ConfigError[];
}

// Keyed by path and checked against the file's mtime and size, so a long-running
// language server sees an edited config while `check` parses each file once.
const cache = new Map<string, { stamp: string; loaded: LoadedConfig }>();

function stampOf(path: string): string {
  try {
    const st = statSync(path);
    return `${st.mtimeMs}:${st.size}:${st.ino}`;
  } catch {
    return "missing";
  }
}

/** Read and validate a config file (`null`: no config, the defaults apply to `fallbackDir`). */
export function loadConfig(path: string | null, fallbackDir: string): LoadedConfig {
  if (!path) return { path: null, dir: resolve(fallbackDir), config: emptyConfig(), errors: [] };
  const stamp = stampOf(path);
  const hit = cache.get(path);
  if (hit && hit.stamp === stamp) return hit.loaded;
  let loaded: LoadedConfig;
  // Found or named with -c, the same checks: a regular file (a FIFO would hang the read, a device never end it), of bounded size.
  const read = readRegularFile(path, MAX_CONFIG_BYTES, "a regular file");
  if (read.ok) {
    const { config, errors } = parseConfig(read.bytes.toString("utf8"), path);
    loaded = { path, dir: dirname(resolve(path)), config, errors };
  } else {
    loaded = { path, dir: dirname(resolve(path)), config: emptyConfig(), errors: [{ message: `cannot read: ${read.message}`, line: 1, column: 1 }] };
  }
  cache.set(path, { stamp, loaded });
  return loaded;
}
