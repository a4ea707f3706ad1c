import { defineRule } from "../types.js";
import { reportProblems } from "./problem-helper.js";

export default defineRule({
  meta: {
    id: "syntax/invalid-section-header",
    family: "syntax",
    severity: "error",
    fixable: "none",
    messages: { problem: "{message}" },
    docs: {
      summary: "A section header that systemd cannot read: no closing `]`, text after it, or quotes, backslashes or control characters in the name.",
      rationale: 'systemd refuses to load a file with a bad section header at all ("Bad message"), so every setting in it is lost, not only the section.',
      bad: { filename: "app.service", text: "[Unit] # main section\nDescription=App\n\n[Service]\nExecStart=/usr/bin/app\n" },
      good: { filename: "app.service", text: "[Unit]\n# main section\nDescription=App\n\n[Service]\nExecStart=/usr/bin/app\n" },
      reference: "systemd.syntax(7)",
    },
  },
  checkFile(ctx) {
    reportProblems(ctx, ["invalid-section-header", "section-header-bad-characters"]);
  },
});
