import type { Command } from "commander";

export function register(program: Command): void {
  program
    .command("lsp")
    .description("start the language server (LSP over standard input/output) for editors")
    .option("--stdio", "talk over stdio (the default and only transport; accepted for editor configs that pass it)")
    .action(async () => {
      // Loaded on demand so `unitlint check` does not pay for the server's start-up.
      const { startServer } = await import("../../lsp/server.js");
      startServer(process.stdin, process.stdout);
      await new Promise<void>((resolve) => process.stdin.on("close", resolve));
    });
}
