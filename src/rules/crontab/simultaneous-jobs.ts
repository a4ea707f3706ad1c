import { cronSets, type CronSets } from "../../crontab/schedule.js";
import { defineRule } from "../types.js";
import { parsedJobs } from "./crontab-helper.js";

const pad = (n: number) => String(n).padStart(2, "0");
const first = (a: Set<number>, b: Set<number>) => [...a].filter((x) => b.has(x)).sort((x, y) => x - y)[0];

const dayMatches = (s: CronSets, dom: number, month: number, dow: number) =>
  s.month.has(month) && (s.andDays ? s.dayOfMonth.has(dom) && s.dayOfWeek.has(dow) : s.dayOfMonth.has(dom) || s.dayOfWeek.has(dow));

/** 2000-01-01 was a Saturday; 29 years hold every (month, day, weekday) combination, February 29th included. */
function shareADay(a: CronSets, b: CronSets): boolean {
  let dow = 6;
  for (let y = 2000; y < 2029; y++) {
    for (let m = 1; m <= 12; m++) {
      const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
      for (let d = 1; d <= days; d++) {
        if (dayMatches(a, d, m, dow) && dayMatches(b, d, m, dow)) return true;
        dow = (dow + 1) % 7;
      }
    }
  }
  return false;
}

export default defineRule({
  meta: {
    id: "crontab/simultaneous-jobs",
    family: "crontab",
    severity: "info",
    fixable: "none",
    messages: { same: "this job starts at the same minute as the job on line {other} (both run at {time} on some days); consider staggering their minutes" },
    docs: {
      summary: "Two crontab jobs that start at the same instant.",
      rationale:
        "Jobs that all start at the top of the hour compete for CPU, disk and locks at once; moving one by a few minutes spreads the load. Jobs that run every minute are left out (they meet every other job).",
      bad: { filename: "crontab", text: "0 2 * * * root /usr/local/bin/backup-db\n0 * * * * root /usr/local/bin/rotate-logs\n" },
      good: { filename: "crontab", text: "0 2 * * * root /usr/local/bin/backup-db\n5 * * * * root /usr/local/bin/rotate-logs\n" },
      reference: "crontab(5)",
    },
  },
  checkCrontab(ctx) {
    const jobs = parsedJobs(ctx.crontab)
      .map((job) => ({ job, sets: cronSets(job.cron) }))
      .filter((j): j is typeof j & { sets: CronSets } => j.sets !== undefined && j.sets.minute.size < 60);
    for (let i = 1; i < jobs.length; i++) {
      const b = jobs[i]!;
      for (let k = 0; k < i; k++) {
        const a = jobs[k]!;
        const h = first(a.sets.hour, b.sets.hour);
        const m = first(a.sets.minute, b.sets.minute);
        if (h === undefined || m === undefined || first(a.sets.month, b.sets.month) === undefined || !shareADay(a.sets, b.sets)) continue;
        ctx.report({
          messageId: "same",
          data: { other: a.job.line, time: `${pad(h)}:${pad(m)}` },
          file: ctx.crontab,
          range: b.job.schedule.range,
          related: [{ file: ctx.crontab, range: a.job.schedule.range, message: "the other job" }],
        });
        break;
      }
    }
  },
});
