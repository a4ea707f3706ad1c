import { Command, CommanderError } from "commander";
import type { CommandModule } from "./commands/index.js";
import { UsageError, EXIT_USAGE } from "./errors.js";
import { VERSION } from "./version.js";

function buildProgram(commandModules: CommandModule[]): Command {
  const program = new Command();
  program
    .name("unitlint")
    .description("Lint systemd unit files, drop-ins and calendar specs")
    .version(VERSION, "-V, --version")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  for (const m of commandModules) m.register(program);
  return program;
}

/**
 * Run the CLI; resolves to the exit code. Every error becomes one line on stderr.
 * `modulesFor` picks the command modules the arguments need (commands/index.ts).
 */
export async function main(argv: string[], modulesFor: (argv: string[]) => Promise<CommandModule[]>): Promise<number> {
  const program = buildProgram(await modulesFor(argv));
  try {
    await program.parseAsync(argv, { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // help and version exit 0; commander already printed its message
      return e.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`unitlint: ${e.message}\n`);
      return e.exitCode;
    }
    process.stderr.write(`unitlint: internal error: ${e instanceof Error ? e.message : String(e)} (please report this)\n`);
    return EXIT_USAGE;
  }
}
