import { defineRule } from "../types.js";
import { jobLines } from "./crontab-helper.js";

export default defineRule({
  meta: {
    id: "crontab/invalid-schedule",
    family: "crontab",
    severity: "error",
    fixable: "none",
    messages: { invalid: "cron cannot read the schedule '{schedule}': {reason}" },
    docs: {
      summary: "A crontab line whose five time fields (or @macro) cron rejects.",
      rationale:
        "cron refuses the line (crontab -e will not install the file; for /etc/cron.d files the daemon logs an error and skips the line), so the job never runs. Each field takes numbers in its range, names for months and weekdays, `a-b` ranges, `*`, `*/n` or `a-b/n` steps and comma lists.",
      bad: { filename: "crontab", text: "0 25 * * * root /usr/local/bin/backup\n" },
      good: { filename: "crontab", text: "0 23 * * * root /usr/local/bin/backup\n" },
      reference: "crontab(5)",
    },
  },
  checkCrontab(ctx) {
    for (const job of jobLines(ctx.crontab)) {
      if (!job.problem) continue;
      ctx.report({ messageId: "invalid", data: { schedule: job.schedule.text, reason: job.problem.message }, file: ctx.crontab, range: job.problem.range });
    }
  },
});
