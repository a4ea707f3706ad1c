import type { Command } from "commander";
import * as check from "./check.js";
import * as lsp from "./lsp.js";
import * as playground from "./playground.js";

/** A CLI command module: adds itself (name, flags, action) to the program. */
export interface CommandModule {
  register(program: Command): void;
}

/**
 * The explicit list of commands. Each module lives in its own file in this
 * folder; add new ones here (keep the list sorted by command name).
 */
export const commandModules: CommandModule[] = [check, lsp, playground];
