import type { Command } from "commander";
import { UsageError } from "../errors.js";

export function register(program: Command): void {
  program
    .command("playground")
    .description("serve the browser playground on localhost")
    .option("-p, --port <n>", "port (0 picks a free one)", "8787")
    .option("--host <addr>", "address to listen on", "127.0.0.1")
    .action(async (opts: { port: string; host: string }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port expects 0-65535, got '${opts.port}'`);
      const { servePlayground } = await import("../../node/serve-playground.js");
      const url = await servePlayground(port, opts.host);
      process.stdout.write(`unitlint playground: ${url}\n`);
      await new Promise<void>(() => undefined); // serve until interrupted
    });
}
