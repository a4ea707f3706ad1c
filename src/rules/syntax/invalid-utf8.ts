import { defineRule } from "../types.js";
import { reportProblems } from "./problem-helper.js";

export default defineRule({
  meta: {
    id: "syntax/invalid-utf8",
    family: "syntax",
    severity: "error",
    fixable: "none",
    messages: { problem: "{message}" },
    docs: {
      summary: "A setting or section line that is not valid UTF-8 (comments may hold anything).",
      rationale:
        'systemd checks every non-comment line for valid UTF-8 and refuses to load the whole unit when one is not ("String is not UTF-8 clean"). Files saved in Latin-1 by an editor are the usual cause.',
      bad: { filename: "app.service", text: "[Unit]\nDescription=Caf\udce9 worker\n\n[Service]\nExecStart=/usr/bin/app\n" },
      good: { filename: "app.service", text: "[Unit]\nDescription=Café worker\n\n[Service]\nExecStart=/usr/bin/app\n" },
      reference: "systemd.syntax(7)",
    },
  },
  checkFile(ctx) {
    reportProblems(ctx, ["invalid-utf8"]);
  },
});
