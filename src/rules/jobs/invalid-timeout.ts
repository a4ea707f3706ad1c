import { goDurationUsec } from "../../jobs/index.js";
import { defineRule } from "../types.js";
import { jobViews } from "./jobs-helper.js";

export default defineRule({
  meta: {
    id: "jobs/invalid-timeout",
    family: "jobs",
    severity: "error",
    fixable: "none",
    messages: {
      invalid: 'timeout "{timeout}" is not a duration; write a number with a unit, such as "30s", "10m" or "1h30m" (units ns, us, ms, s, m, h)',
      zero: 'timeout "{timeout}" is zero: the job would be stopped at once',
    },
    docs: {
      summary: "A job timeout that is not a duration such as 30s, 10m or 1h30m.",
      rationale:
        "The job system reads durations as numbers with units ns, us, ms, s, m or h; days, spaces, words and bare numbers are rejected, so the job fails to load.",
      bad: {
        filename: "jobs/daily-maintenance.json",
        text: '{\n  "name": "daily-maintenance",\n  "type": "command",\n  "schedule": "0 3 * * *",\n  "command": "apt-get update",\n  "timeout": "1 hour"\n}\n',
      },
      good: {
        filename: "jobs/daily-maintenance.json",
        text: '{\n  "name": "daily-maintenance",\n  "type": "command",\n  "schedule": "0 3 * * *",\n  "command": "apt-get update",\n  "timeout": "1h"\n}\n',
      },
      reference: "OpenTofu Workspace Scheduler, job system documentation (Configuration Fields: timeout)",
    },
  },
  checkJobs(ctx) {
    for (const job of jobViews(ctx.jobs)) {
      const v = job.field("timeout")?.value;
      if (v?.type !== "string") continue;
      const usec = goDurationUsec(v.value);
      if (usec === undefined) ctx.report({ messageId: "invalid", data: { timeout: v.value }, file: ctx.jobs, range: v.range });
      else if (usec === 0) ctx.report({ messageId: "zero", data: { timeout: v.value }, file: ctx.jobs, range: v.range });
    }
  },
});
