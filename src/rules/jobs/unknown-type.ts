import { closestMatch } from "../../core/suggest.js";
import { JOB_TYPES } from "../../jobs/index.js";
import { defineRule } from "../types.js";
import { jobViews } from "./jobs-helper.js";

export default defineRule({
  meta: {
    id: "jobs/unknown-type",
    family: "jobs",
    severity: "error",
    fixable: "safe",
    messages: { unknown: 'job type "{type}" is not one of script, command, template{hint}' },
    docs: {
      summary: "A job whose type is not script, command or template.",
      rationale: "The job system only knows how to run these three types; any other value makes the job fail to load.",
      bad: {
        filename: "jobs/backup-data.json",
        text: '{\n  "name": "backup-data",\n  "type": "shell",\n  "schedule": "0 2 * * *",\n  "script": "tar czf /backup/data.tgz ./data"\n}\n',
      },
      good: {
        filename: "jobs/backup-data.json",
        text: '{\n  "name": "backup-data",\n  "type": "script",\n  "schedule": "0 2 * * *",\n  "script": "tar czf /backup/data.tgz ./data"\n}\n',
      },
      fix: 'Replaces a near-miss spelling ("Script", "comand") with the type it resembles; safe because no other type is close.',
      reference: "OpenTofu Workspace Scheduler, job system documentation (Job Types)",
    },
  },
  checkJobs(ctx) {
    for (const job of jobViews(ctx.jobs)) {
      const v = job.field("type")?.value;
      if (v?.type !== "string" || JOB_TYPES[v.value]) continue;
      const near = closestMatch(v.value, Object.keys(JOB_TYPES));
      ctx.report({
        messageId: "unknown",
        data: { type: v.value, hint: near ? ` (did you mean "${near}"?)` : "" },
        file: ctx.jobs,
        range: v.range,
        ...(near ? { fix: { description: `use "${near}"`, safe: true, edits: [{ start: v.range.start, end: v.range.end, text: JSON.stringify(near) }] } } : {}),
      });
    }
  },
});
