import type { Command } from "commander";
import { ruleMarkdown } from "../../docs/rule-doc.js";
import { rulesById } from "../../rules/registry.js";
import { lookupRuleId } from "../../rules/rule-id.js";
import { UsageError } from "../errors.js";
import { terminalWidth, wrapMarkdown } from "../wrap.js";

export function register(program: Command): void {
  program
    .command("explain")
    .description("show a rule's documentation: why it matters, a bad and a good example")
    .argument("<rule>", "rule id, e.g. directives/unknown-directive (or just unknown-directive)")
    .action((id: string) => {
      const found = lookupRuleId(id);
      if (!found.ok) throw new UsageError(found.message);
      const rule = rulesById.get(found.id)!;
      const width = terminalWidth();
      const doc = ruleMarkdown(rule.meta);
      process.stdout.write(width === undefined ? doc : wrapMarkdown(doc, width - 1));
    });
}
