import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { emptyConfig, parseConfig, type ConfigError, type UnitlintConfig } from "../config/config.js";

export const CONFIG_NAMES = ["unitlint.config.json", ".unitlintrc.json"];

/** The nearest config file at or above `dir`, if any. */
export function findConfigFile(dir: string): string | undefined {
  let d = resolve(dir);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const p = join(d, name);
      try {
        if (existsSync(p) && statSync(p).isFile()) return p;
      } catch {
        /* unreadable folder: keep looking upward */
      }
    }
    const up = dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

export interface LoadedConfig {
  path: string | null;
  dir: string;
  config: UnitlintConfig;
  errors: ConfigError[];
}

const cache = new Map<string, LoadedConfig>();

export function loadConfig(path: string | null, fallbackDir: string): LoadedConfig {
  if (!path) return { path: null, dir: resolve(fallbackDir), config: emptyConfig(), errors: [] };
  const hit = cache.get(path);
  if (hit) return hit;
  let loaded: LoadedConfig;
  try {
    const { config, errors } = parseConfig(readFileSync(path, "utf8"), path);
    loaded = { path, dir: dirname(resolve(path)), config, errors };
  } catch (e) {
    loaded = { path, dir: dirname(resolve(path)), config: emptyConfig(), errors: [{ message: `cannot read: ${(e as Error).message}`, line: 1, column: 1 }] };
  }
  cache.set(path, loaded);
  return loaded;
}
