import { defineRule } from "../types.js";

export default defineRule({
  meta: {
    id: "syntax/include-directive",
    family: "syntax",
    severity: "error",
    fixable: "none",
    messages: {
      include: "'.include' is no longer supported and is ignored (as a line without '='); move the shared settings into a drop-in such as '{unit}.d/*.conf'",
    },
    docs: {
      summary: "An obsolete `.include` line.",
      rationale:
        "`.include` was removed from systemd; current versions ignore the line, so the settings of the included file silently disappear. Drop-ins replace it.",
      bad: { filename: "app.service", text: "[Service]\n.include /etc/app/common.conf\nExecStart=/usr/bin/app\n" },
      good: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\n" },
      reference: "systemd.unit(5) drop-ins",
    },
  },
  checkFile(ctx) {
    for (const line of ctx.file.ast.lines) {
      if (line.kind === "invalid" && line.problem === "include") {
        ctx.report({ messageId: "include", data: { unit: ctx.file.unitName }, file: ctx.file, range: line.range });
      }
    }
  },
});
