// `npm run docs:rules`: regenerates everything derived from the rule metadata —
// docs/rules/<family>/<name>.md, the index docs/rules/README.md, and the config
// schema schema/unitlint.schema.json (rule ids listed for editor completion).
// Tests fail when the checked-in files differ from a fresh generation.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { configSchema } from "../src/config/schema.js";
import { ruleMarkdown, rulesIndex } from "../src/docs/rule-doc.js";
import { allRules } from "../src/rules/registry.js";

export function ruleDocFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const r of allRules) files.set(`${r.meta.id}.md`, ruleMarkdown(r.meta));
  files.set("README.md", rulesIndex(allRules.map((r) => r.meta)));
  return files;
}

export function schemaText(): string {
  return JSON.stringify(configSchema(allRules.map((r) => r.meta)), null, 2) + "\n";
}

if (process.argv[1]?.endsWith("gen-rule-docs.ts")) {
  const root = join(import.meta.dirname, "..");
  for (const [name, text] of ruleDocFiles()) {
    const path = join(root, "docs", "rules", name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  writeFileSync(join(root, "schema", "unitlint.schema.json"), schemaText());
}
