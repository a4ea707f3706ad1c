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
    fixable: "none",
    messages: { unused: "this unitlint-disable comment suppresses nothing{rules}; remove it" },
    docs: {
      summary: "A `# unitlint-disable` comment that no longer suppresses any finding (enabled by `--report-unused-disables` or the strict preset).",
      rationale: "Suppressions outlive the problems they hid. An unused one hides the next real finding on that line without anyone deciding to.",
      bad: { filename: "app.service", text: "[Service]\n# unitlint-disable-next-line directives/unknown-directive -- legacy key\nExecStart=/usr/bin/app\n" },
      good: { filename: "app.service", text: "[Service]\n# unitlint-disable-next-line directives/unknown-directive -- legacy key\nLegacyKey=1\nExecStart=/usr/bin/app\n" },
      reference: "unitlint configuration",
    },
  },
});
