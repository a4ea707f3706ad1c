import type { Command } from "commander";
import { allRules } from "../../rules/registry.js";
import { UsageError } from "../errors.js";
import { terminalWidth, wrapWords } from "../wrap.js";

export function register(program: Command): void {
  program
    .command("rules")
    .description("list every rule: id, family, default severity, fix, what it finds")
    .option("--family <name>", "only the rules of one family")
    .option("--json", "as JSON")
    .action((opts: { json?: boolean; family?: string }) => {
      const families = [...new Set(allRules.map((r) => r.meta.family))];
      if (opts.family && !families.includes(opts.family as (typeof families)[number]))
        throw new UsageError(`unknown family '${opts.family}' (choose from ${families.sort().join(", ")})`);
      const rows = allRules
        .filter((r) => !opts.family || r.meta.family === opts.family)
        .map((r) => ({
          id: r.meta.id,
          family: r.meta.family,
          severity: r.meta.severity,
          presets: r.meta.presets ?? [],
          fixable: r.meta.fixable,
          summary: r.meta.docs.summary,
        }));
      if (opts.json) {
        process.stdout.write(JSON.stringify(rows, null, 2) + "\n");
        return;
      }
      // "off" rules say which preset turns them on
      const sev = (r: (typeof rows)[number]) => (r.severity === "off" && r.presets.length ? `off (${r.presets.join(", ")})` : r.severity);
      const table = [["RULE", "FAMILY", "SEVERITY", "FIX", "FINDS"], ...rows.map((r) => [r.id, r.family, sev(r), r.fixable, r.summary.replace(/`/g, "")])];
      const widths = [0, 1, 2, 3].map((c) => Math.max(...table.map((row) => row[c]!.length)));
      // Piped, each rule stays on one line. On a terminal the last column wraps under itself, or, where the
      // terminal is too narrow for that, goes under its rule, indented.
      const indent = widths.reduce((a, w) => a + w + 2, 0);
      const width = terminalWidth();
      const lead = (row: string[]) =>
        row
          .slice(0, 4)
          .map((cell, c) => cell.padEnd(widths[c]!))
          .join("  ");
      for (const row of table) {
        if (width === undefined) process.stdout.write(`${lead(row)}  ${row[4]}\n`);
        else if (width - indent >= 30) {
          const [first, ...rest] = wrapWords(row[4]!, width - indent - 1);
          process.stdout.write(`${lead(row)}  ${first}\n` + rest.map((l) => `${" ".repeat(indent)}${l}\n`).join(""));
        } else {
          const head = row.slice(0, 4).join("  ");
          process.stdout.write(
            `${head}\n` +
              wrapWords(row[4]!, width - 5)
                .map((l) => `    ${l}\n`)
                .join(""),
          );
        }
      }
    });
}
