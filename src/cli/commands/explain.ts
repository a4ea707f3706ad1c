import type { Command } from "commander";
import { closestMatch } from "../../core/suggest.js";
import { ruleMarkdown } from "../../docs/rule-doc.js";
import { allRules, rulesById } from "../../rules/registry.js";
import { UsageError } from "../errors.js";
import { terminalWidth, wrapMarkdown } from "../wrap.js";

export function register(program: Command): void {
  program
    .command("explain")
    .description("show a rule's documentation: why it matters, a bad and a good example")
    .argument("<rule>", "rule id, e.g. directives/unknown-directive (or just unknown-directive)")
    .action((id: string) => {
      const rule = rulesById.get(id) ?? allRules.find((r) => r.meta.id.endsWith("/" + id));
      if (!rule) {
        const guess = closestMatch(id, allRules.map((r) => r.meta.id));
        throw new UsageError(`unknown rule '${id}'${guess ? `, did you mean '${guess}'?` : ""} (see 'unitlint rules')`);
      }
      const width = terminalWidth();
      const doc = ruleMarkdown(rule.meta);
      process.stdout.write(width === undefined ? doc : wrapMarkdown(doc, width - 1));
    });
}
