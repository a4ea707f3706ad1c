import { defineRule } from "../types.js";

/**
 * Reported by the lint engine itself (src/linter/suppressions.ts) after every
 * other rule ran; this module carries the metadata, docs and severity.
 */
export default defineRule({
  meta: {
    id: "suppressions/unused-disable",
    family: "suppressions",
    severity: "off",
    presets: ["strict"],
    fixable: "safe",
    messages: {
      unused: "this unitlint-disable comment suppresses nothing{rules}; remove it",
      unknown: "this unitlint-disable comment names no rule: {rules} (see 'unitlint rules' for the ids)",
      malformed: "'{directive}' is not a unitlint directive; write unitlint-disable-next-line or unitlint-disable",
    },
    docs: {
      summary:
        "A `# unitlint-disable` comment that no longer suppresses any finding, names an unknown rule, or misspells the directive (enabled by `--report-unused-disables` or the strict preset).",
      rationale:
        "Suppressions outlive the problems they hid. An unused one hides the next real finding on that line without anyone deciding to, and a misspelt one (`unitlint-disable-line`) never did what its author meant.",
      bad: { filename: "app.service", text: "[Service]\n# unitlint-disable-next-line directives/unknown-directive -- legacy key\nExecStart=/usr/bin/app\n" },
      good: {
        filename: "app.service",
        text: "[Service]\n# unitlint-disable-next-line directives/unknown-directive -- legacy key\nLegacyKey=1\nExecStart=/usr/bin/app\n",
      },
      fix: "Removes the comment line, or only the rule ids it no longer uses (the reason stays). Safe: only a comment changes. A misspelt directive is left for you to correct.",
      reference: "unitlint configuration (docs/configuration.md)",
    },
  },
});
