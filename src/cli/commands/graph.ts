import { existsSync } from "node:fs";
import { Option, type Command } from "commander";
import { UsageError } from "../errors.js";

export function register(program: Command): void {
  program
    .command("graph")
    .description("draw the units of a folder and their dependencies (Mermaid or Graphviz DOT)")
    .argument("[paths...]", "files or folders (default: ./etc/systemd if present, else .)")
    .addOption(new Option("--format <name>", "output format").choices(["mermaid", "dot"]).default("mermaid"))
    .action(async (paths: string[], opts: { format: "mermaid" | "dot" }) => {
      const { collectInputs } = await import("../../node/collect.js");
      const { readUnitFile } = await import("../../node/read.js");
      const { lintSources } = await import("../../linter/lint.js");
      const { toDot, toMermaid, unitsWithFindings } = await import("../../analysis/graph.js");
      if (paths.length === 0) paths = [existsSync("etc/systemd") ? "etc/systemd" : "."];
      const c = collectInputs(paths);
      for (const e of c.errors) process.stderr.write(`unitlint: ${e.path}: ${e.message}\n`);
      const sources = c.files.flatMap((path) => {
        const r = readUnitFile(path);
        return r.ok ? [{ path, text: r.text }] : [];
      });
      if (sources.length === 0) throw new UsageError("no unit files found");
      const { set, findings } = lintSources(sources);
      const flagged = unitsWithFindings(set, findings);
      process.stdout.write(opts.format === "dot" ? toDot(set, undefined, flagged) : toMermaid(set, undefined, flagged));
      if (c.errors.length) process.exitCode = 2;
    });
}
