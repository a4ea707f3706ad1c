import { defineRule } from "../types.js";

export default defineRule({
  meta: {
    id: "syntax/assignment-outside-section",
    family: "syntax",
    severity: "warning",
    fixable: "none",
    messages: { outside: "'{text}' comes before the first section header; systemd ignores it" },
    docs: {
      summary: "A setting (or any non-comment line) before the first `[Section]` header.",
      rationale: "systemd only reads settings inside a section and skips these with a warning, so the setting has no effect.",
      bad: { filename: "app.service", text: "Description=App\n[Service]\nExecStart=/usr/bin/app\n" },
      good: { filename: "app.service", text: "[Unit]\nDescription=App\n[Service]\nExecStart=/usr/bin/app\n" },
      reference: "systemd.syntax(7)",
    },
  },
  checkFile(ctx) {
    for (const line of ctx.file.ast.preamble) {
      ctx.report({ messageId: "outside", data: { text: ctx.file.source.slice(line.range) }, file: ctx.file, range: line.range });
    }
  },
});
