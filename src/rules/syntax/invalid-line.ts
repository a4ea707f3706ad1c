import { isKnownSection } from "../../knowledge/sections.js";
import { defineRule } from "../types.js";

export default defineRule({
  meta: {
    id: "syntax/invalid-line",
    family: "syntax",
    severity: "warning",
    fixable: "none",
    messages: {
      "missing-equals": "'{text}' is neither a section header, a comment nor a 'Key=Value' assignment; systemd ignores the line",
      "missing-key": "'{text}' has no key name before '='; systemd ignores the line",
    },
    docs: {
      summary: "A line in a section that is not `Key=Value`, a comment or a section header.",
      rationale: "systemd skips such lines with a warning at load time. They are usually a setting whose `=` got lost, or a comment that lost its `#`.",
      bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nRestart always\n" },
      good: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nRestart=always\n" },
      reference: "systemd.syntax(7)",
    },
  },
  checkFile(ctx) {
    const type = ctx.file.name.type;
    for (const section of ctx.file.ast.sections) {
      // Lines of sections systemd ignores are ignored silently (unknown-section reports the section).
      if (section.header.problem || !isKnownSection(type, section.name) || section.name.startsWith("X-")) continue;
      for (const line of section.invalid) {
        if (line.problem === "include") continue;
        ctx.report({ messageId: line.problem, data: { text: ctx.file.source.slice(line.range) }, file: ctx.file, range: line.range });
      }
    }
  },
});
