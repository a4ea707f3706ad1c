import type { Command } from "commander";
import { allRules } from "../../rules/registry.js";

export function register(program: Command): void {
  program
    .command("rules")
    .description("list every rule: id, default severity, fix, what it finds")
    .option("--json", "as JSON")
    .action((opts: { json?: boolean }) => {
      const rows = allRules.map((r) => ({ id: r.meta.id, family: r.meta.family, severity: r.meta.severity, fixable: r.meta.fixable, summary: r.meta.docs.summary }));
      if (opts.json) {
        process.stdout.write(JSON.stringify(rows, null, 2) + "\n");
        return;
      }
      const w = Math.max(...rows.map((r) => r.id.length));
      for (const r of rows) process.stdout.write(`${r.id.padEnd(w)}  ${r.severity.padEnd(7)}  ${r.fixable.padEnd(6)}  ${r.summary}\n`);
    });
}
