import { splitCommand } from "../../crontab/index.js";
import { defineRule } from "../types.js";
import { jobLines } from "./crontab-helper.js";

export default defineRule({
  meta: {
    id: "crontab/percent-in-command",
    family: "crontab",
    severity: "warning",
    fixable: "unsafe",
    messages: {
      percent: "cron ends the command at this '%' and runs only '{command}' (the rest goes to its standard input); write '\\%' for a literal percent sign",
    },
    docs: {
      summary: "An unescaped '%' in a crontab command.",
      rationale:
        "cron turns every unescaped '%' into a newline and feeds everything after the first one to the command's standard input, so `date +%Y-%m-%d` in a cron command runs `date +` and the backup file name comes out empty. Escape each '%' with a backslash.",
      bad: { filename: "crontab", text: "0 2 * * * root tar czf /backup/etc-$(date +%F).tgz /etc\n" },
      good: { filename: "crontab", text: "0 2 * * * root tar czf /backup/etc-$(date +\\%F).tgz /etc\n" },
      fix: "Puts a backslash before every unescaped '%'. Unsafe: a line that really means to pass standard input this way changes meaning.",
      reference: "crontab(5) (the sixth field)",
    },
  },
  checkCrontab(ctx) {
    for (const job of jobLines(ctx.crontab)) {
      if (!job.command) continue;
      const split = splitCommand(job.command);
      const first = split.percents[0];
      if (!first) continue;
      ctx.report({
        messageId: "percent",
        data: { command: split.command.trimEnd() },
        file: ctx.crontab,
        range: first,
        fix: { description: "escape the '%' signs", safe: false, edits: split.percents.map((r) => ({ start: r.start, end: r.start, text: "\\" })) },
      });
    }
  },
});
