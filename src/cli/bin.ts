import { commandModulesFor } from "./commands/index.js";
import { runCli } from "./run.js";

// The whole CLI (dist/cli.cjs). The calendar commands also have a bundle of their own (bin-calendar.ts).
runCli(commandModulesFor);
