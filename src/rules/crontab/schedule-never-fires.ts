import { neverRuns } from "../../crontab/schedule.js";
import { defineRule } from "../types.js";
import { parsedJobs } from "./crontab-helper.js";

export default defineRule({
  meta: {
    id: "crontab/schedule-never-fires",
    family: "crontab",
    severity: "error",
    fixable: "none",
    messages: { never: "the schedule '{schedule}' never runs: none of its months has the day of month '{days}'" },
    docs: {
      summary: "A cron schedule that names a date no month has, such as February 31st.",
      rationale:
        "cron accepts any day 1-31 with any month, so `0 0 31 2 *` installs without complaint and silently never runs. When the day-of-week field is restricted too, cron runs on either day field, so such schedules do fire and are not reported.",
      bad: { filename: "crontab", text: "0 0 30 2 * root /usr/local/bin/close-books\n" },
      good: { filename: "crontab", text: "0 0 28 2 * root /usr/local/bin/close-books\n" },
      reference: "crontab(5)",
    },
  },
  checkCrontab(ctx) {
    for (const job of parsedJobs(ctx.crontab)) {
      const f = job.cron.fields;
      if (!f || !neverRuns(job.cron)) continue;
      ctx.report({ messageId: "never", data: { schedule: job.schedule.text, days: f.dayOfMonth.text }, file: ctx.crontab, range: f.dayOfMonth.range });
    }
  },
});
