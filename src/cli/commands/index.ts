import type { Command } from "commander";

/** A CLI command module: adds itself (name, flags, action) to the program. */
export interface CommandModule {
  register(program: Command): void;
}

/**
 * The explicit list of commands, by name, each module imported on demand: a
 * run of one command (`unitlint check FILE`, the pre-commit case) loads that
 * command's code only, not the calendar engine, migration or security
 * commands. Each module lives in its own file in this folder; add new ones
 * here (keep the list sorted by command name).
 */
const commandLoaders: [name: string, load: () => Promise<CommandModule>][] = [
  ["calendar", () => import("./calendar.js")],
  ["check", () => import("./check.js")],
  ["cron2calendar", () => import("./cron2calendar.js")],
  ["explain", () => import("./explain.js")],
  ["graph", () => import("./graph.js")],
  ["harden", () => import("./harden.js")],
  ["lsp", () => import("./lsp.js")],
  ["migrate", () => import("./migrate.js")],
  ["next", () => import("./next.js")],
  ["playground", () => import("./playground.js")],
  ["rules", () => import("./rules.js")],
  ["schedule", () => import("./schedule.js")],
  ["security", () => import("./security.js")],
  ["timespan", () => import("./timespan.js")],
];

/**
 * The command modules a run needs: only the named command's when the
 * arguments start with a command name, every one otherwise (help, version,
 * unknown commands, which commander answers from the full list).
 */
export async function commandModulesFor(argv: string[]): Promise<CommandModule[]> {
  const only = commandLoaders.find(([name]) => name === argv[0]);
  if (only) return [await only[1]()];
  return Promise.all(commandLoaders.map(([, load]) => load()));
}
