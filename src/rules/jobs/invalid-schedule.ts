import { stringValueRange } from "../../jobs/index.js";
import { parseSchedule } from "../../crontab/schedule.js";
import { defineRule } from "../types.js";
import { allSchedules } from "./jobs-helper.js";

export default defineRule({
  meta: {
    id: "jobs/invalid-schedule",
    family: "jobs",
    severity: "error",
    fixable: "none",
    messages: { invalid: 'cron schedule "{schedule}" is invalid: {reason}' },
    docs: {
      summary: "A job schedule (or a workspace's deploy/destroy schedule) that is not a five-field cron expression.",
      rationale:
        "The job system cannot compute a next run for such a schedule, so the job never runs. Fields take numbers in range, names, a-b ranges, */n steps and lists.",
      bad: {
        filename: "jobs/system-health.json",
        text: '{\n  "name": "system-health",\n  "type": "command",\n  "schedule": ["0 */6 * * *", "0 0 * * 8"],\n  "command": "uptime"\n}\n',
      },
      good: {
        filename: "jobs/system-health.json",
        text: '{\n  "name": "system-health",\n  "type": "command",\n  "schedule": ["0 */6 * * *", "0 0 * * 0"],\n  "command": "uptime"\n}\n',
      },
      reference: "OpenTofu Workspace Scheduler, job system documentation (CRON Expression Support), crontab(5)",
    },
  },
  checkJobs(ctx) {
    for (const s of allSchedules(ctx.jobs)) {
      if (s.node.type !== "string") continue;
      const r = parseSchedule(s.text, 0);
      if (r.ok) continue;
      const range = stringValueRange(ctx.jobs.source.text, s.node, r.error.range.start, r.error.range.end);
      ctx.report({ messageId: "invalid", data: { schedule: s.text, reason: r.error.message }, file: ctx.jobs, range });
    }
  },
});
