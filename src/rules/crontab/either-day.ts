import { defineRule } from "../types.js";
import { parsedJobs } from "./crontab-helper.js";

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

export default defineRule({
  meta: {
    id: "crontab/either-day",
    family: "crontab",
    severity: "warning",
    fixable: "none",
    messages: {
      either:
        "'{schedule}' restricts both the day of month ({dom}) and the day of week ({dow}): cron then runs the job when EITHER matches, so it runs on days {dom} of the month and also on every {weekdays}. To run only on days that match both, keep one field and test the other in the command (e.g. `[ \"$(date +\\%u)\" = 7 ] && ...`)",
    },
    docs: {
      summary: "A crontab schedule that restricts both the day-of-month and the day-of-week field, which cron combines with OR, not AND.",
      rationale:
        'crontab(5): when both day fields are restricted (neither starts with `*`), the job runs when either matches. `0 3 1,15 * 0` reads like "the 1st and 15th, if it is a Sunday" but runs on the 1st, on the 15th and on every Sunday — about six extra runs a month. ' +
        "A `*` in either field (`0 3 1,15 * *`, `0 3 * * 0`) gives the usual meaning; to require both, cron needs a test in the command.",
      bad: { filename: "crontab", text: "0 3 1,15 * 0 root /usr/local/bin/report\n" },
      good: { filename: "crontab", text: "0 3 1,15 * * root /usr/local/bin/report\n" },
      reference: 'crontab(5) ("either field")',
    },
  },
  checkCrontab(ctx) {
    for (const job of parsedJobs(ctx.crontab)) {
      const f = job.cron.fields;
      if (!f || f.dayOfMonth.startsWithStar || f.dayOfWeek.startsWithStar) continue;
      const days = [...new Set(f.dayOfWeek.values)].sort((a, b) => a - b);
      const weekdays = days.length === 7 ? "day of the week (that is, every day)" : days.map((d) => WEEKDAYS[d]).join(", ");
      ctx.report({
        messageId: "either",
        data: { schedule: job.schedule.text.trim(), dom: f.dayOfMonth.text, dow: f.dayOfWeek.text, weekdays },
        file: ctx.crontab,
        range: { start: f.dayOfMonth.range.start, end: f.dayOfWeek.range.end },
      });
    }
  },
});
