import type { Command } from "commander";
import * as calendar from "./calendar.js";
import * as check from "./check.js";
import * as explain from "./explain.js";
import * as graph from "./graph.js";
import * as harden from "./harden.js";
import * as rules from "./rules.js";
import * as security from "./security.js";
import * as cron2calendar from "./cron2calendar.js";
import * as lsp from "./lsp.js";
import * as migrate from "./migrate.js";
import * as next from "./next.js";
import * as playground from "./playground.js";
import * as timespan from "./timespan.js";

/** A CLI command module: adds itself (name, flags, action) to the program. */
export interface CommandModule {
  register(program: Command): void;
}

/**
 * The explicit list of commands. Each module lives in its own file in this
 * folder; add new ones here (keep the list sorted by command name).
 */
export const commandModules: CommandModule[] = [calendar, check, cron2calendar, explain, graph, harden, lsp, migrate, next, playground, rules, security, timespan];
