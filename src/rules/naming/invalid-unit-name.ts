import { unitNameProblem } from "../../model/unit-name.js";
import { defineRule } from "../types.js";

export default defineRule({
  meta: {
    id: "naming/invalid-unit-name",
    family: "naming",
    severity: "error",
    fixable: "none",
    messages: { invalid: "'{name}' is not a valid unit file name: {reason}" },
    docs: {
      summary: "A unit file whose name systemd would not accept as a unit name.",
      rationale:
        "systemd only loads files named `name.type` with a known type suffix and a restricted character set; anything else is never loaded, whatever it contains.",
      bad: { filename: "my app.service", text: "[Service]\nExecStart=/usr/bin/app\n" },
      good: { filename: "my-app.service", text: "[Service]\nExecStart=/usr/bin/app\n" },
      reference: "systemd.unit(5)",
    },
  },
  checkFile(ctx) {
    if (ctx.file.kind !== "unit") return;
    const reason = unitNameProblem(ctx.file.basename);
    if (reason) ctx.report({ messageId: "invalid", data: { name: ctx.file.basename, reason }, file: ctx.file, range: { start: 0, end: 0 } });
  },
});
