import { defineRule } from "../types.js";
import { reportProblems } from "./problem-helper.js";

export default defineRule({
  meta: {
    id: "syntax/continuation-at-eof",
    family: "syntax",
    severity: "warning",
    fixable: "none",
    messages: { problem: "{message}" },
    docs: {
      summary: "The last line ends with a backslash, so it continues into nothing.",
      rationale:
        "A trailing backslash joins the next line to this one. At the end of a file there is no next line: usually a line was lost when the file was cut or generated.",
      bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app \\" },
      good: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\n" },
      reference: "systemd.syntax(7)",
    },
  },
  checkFile(ctx) {
    reportProblems(ctx, ["continuation-at-eof"]);
  },
});
