// Writes docs/rules/<family>/<name>.md and docs/rules/README.md from the rule
// metadata: `npm run docs:rules`. A test fails when the checked-in docs are stale.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { ruleMarkdown, rulesIndex } from "../src/docs/rule-doc.js";
import { allRules } from "../src/rules/registry.js";

export function ruleDocFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const r of allRules) files.set(`${r.meta.id}.md`, ruleMarkdown(r.meta));
  files.set("README.md", rulesIndex(allRules.map((r) => r.meta)));
  return files;
}

if (process.argv[1]?.endsWith("gen-rule-docs.ts")) {
  const root = join(import.meta.dirname, "..", "docs", "rules");
  for (const [name, text] of ruleDocFiles()) {
    const path = join(root, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
}
