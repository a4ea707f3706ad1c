import { defineRule } from "../types.js";
import { reportProblems } from "./problem-helper.js";

export default defineRule({
  meta: {
    id: "syntax/line-too-long",
    family: "syntax",
    severity: "error",
    fixable: "none",
    messages: { problem: "{message}" },
    docs: {
      summary: "A physical line of 1 MiB or more.",
      rationale: "systemd reads lines up to LONG_LINE_MAX (1 MiB) and refuses to load a file with a longer one.",
      bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app <a megabyte of arguments>\n" },
      good: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app --config /etc/app.conf\n" },
      reference: "systemd.syntax(7)",
    },
  },
  checkFile(ctx) {
    reportProblems(ctx, ["line-too-long"]);
  },
});
