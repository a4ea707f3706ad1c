import { dirname, relative, resolve, sep } from "node:path";
import { FileConfigs, isIgnored, type CommandLineSettings } from "../config/config.js";
import type { FileConfig } from "../linter/configs.js";
import type { LintSettings } from "../rules/types.js";
import { findConfigFile, loadConfig, type LoadedConfig } from "./config-discovery.js";

export interface ProjectConfigOptions {
  /** A config file, or false for none (--no-config); undefined: the nearest one at or above each file. */
  config?: string | false;
  cli?: CommandLineSettings;
  /** The same for every file of the run: the clock, the units enabled by links in the checked folders. */
  run?: Pick<Partial<LintSettings>, "now" | "enabledUnits" | "timeZone" | "zones">;
  /**
   * Remember which folder has which config file for the whole run (`check`).
   * The language server leaves it off: config files come and go while it runs.
   */
  memo?: boolean;
}

/** What applies to one file on disk. */
export interface ResolvedFile {
  /** Excluded by its config file's `ignore` globs. */
  ignored: boolean;
  config: FileConfig;
  loaded: LoadedConfig;
}

/**
 * Each file's configuration, found on disk as `unitlint check` finds it: the
 * config file named with -c, or the nearest one upward from the file, with its
 * overrides and the command line applied. `check` and the language server both
 * use it, so a file gets the same findings in the terminal and in the editor.
 */
export class ProjectConfigs {
  private readonly configs: FileConfigs;
  private readonly folders?: Map<string, string | undefined>;
  private readonly files = new Map<string, ResolvedFile>();

  constructor(private readonly options: ProjectConfigOptions = {}) {
    this.configs = new FileConfigs(options.cli, options.run);
    if (options.memo) this.folders = new Map();
  }

  /** The config file that applies to a path (relative paths are taken from the working folder). */
  loaded(path: string): LoadedConfig {
    const { config } = this.options;
    if (config === false) return loadConfig(null, ".");
    if (typeof config === "string") return loadConfig(config, ".");
    return loadConfig(findConfigFile(dirname(resolve(path)), this.folders) ?? null, ".");
  }

  for(path: string): ResolvedFile {
    let hit = this.files.get(path);
    if (!hit) {
      const loaded = this.loaded(path);
      const rel = relative(loaded.dir, resolve(path)).split(sep).join("/");
      hit = { ignored: isIgnored(loaded.config, rel), config: this.configs.for(loaded.config, rel), loaded };
      this.files.set(path, hit);
    }
    return hit;
  }

  /** Every distinct config file met so far, with its problems. */
  loadedConfigs(): LoadedConfig[] {
    return [...new Set([...this.files.values()].map((f) => f.loaded))];
  }
}
