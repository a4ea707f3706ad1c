import { defineRule } from "../types.js";
import { jobLines } from "./crontab-helper.js";

export default defineRule({
  meta: {
    id: "crontab/missing-command",
    family: "crontab",
    severity: "error",
    fixable: "none",
    messages: {
      command: "the job '{text}' has a schedule but no command",
      userAndCommand: "the job '{text}' has a schedule but no user and command (this file's format is 'schedule user command')",
    },
    docs: {
      summary: "A crontab job line that ends after its schedule (or, in /etc/crontab and cron.d files, after the user).",
      rationale:
        "cron rejects a job without a command; in the system format the word after the schedule is the user, so `0 2 * * * /usr/bin/backup` reads as user `/usr/bin/backup` with no command.",
      bad: { filename: "etc/crontab", text: "0 2 * * * /usr/local/bin/backup\n" },
      good: { filename: "etc/crontab", text: "0 2 * * * root /usr/local/bin/backup\n" },
      reference: "crontab(5)",
    },
  },
  checkCrontab(ctx) {
    for (const job of jobLines(ctx.crontab)) {
      if (job.command || job.problem) continue;
      const text = ctx.crontab.source.slice(job.range).trim();
      const lonelyWord = job.user && !/^[A-Za-z_][A-Za-z0-9_.-]*\$?$/.test(job.user.text);
      ctx.report({
        messageId: ctx.crontab.format === "system" && (!job.user || lonelyWord) ? "userAndCommand" : "command",
        data: { text },
        file: ctx.crontab,
        range: { start: job.schedule.range.start, end: job.user?.range.end ?? job.schedule.range.end },
      });
    }
  },
});
