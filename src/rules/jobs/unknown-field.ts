import { closestMatch } from "../../core/suggest.js";
import { FIELD_TYPES } from "../../jobs/index.js";
import { defineRule } from "../types.js";
import { jobViews } from "./jobs-helper.js";

export default defineRule({
  meta: {
    id: "jobs/unknown-field",
    family: "jobs",
    severity: "warning",
    fixable: "none",
    messages: { unknown: '"{field}" is not a job field{hint}' },
    docs: {
      summary: "A job field the job system does not know, usually a misspelt one.",
      rationale:
        'Unknown fields are ignored: a misspelt "timout" leaves the default 30 minute timeout in place and a misspelt "enviroment" runs the job without its variables.',
      bad: {
        filename: "jobs/db-backup.json",
        text: '{\n  "name": "db-backup",\n  "type": "command",\n  "schedule": "0 1 * * *",\n  "command": "pg_dump myapp",\n  "timout": "20m"\n}\n',
      },
      good: {
        filename: "jobs/db-backup.json",
        text: '{\n  "name": "db-backup",\n  "type": "command",\n  "schedule": "0 1 * * *",\n  "command": "pg_dump myapp",\n  "timeout": "20m"\n}\n',
      },
      reference: "OpenTofu Workspace Scheduler, job system documentation (Configuration Fields)",
    },
  },
  checkJobs(ctx) {
    for (const job of jobViews(ctx.jobs)) {
      for (const m of job.node.members) {
        if (FIELD_TYPES[m.key]) continue;
        const near = closestMatch(m.key, Object.keys(FIELD_TYPES));
        ctx.report({ messageId: "unknown", data: { field: m.key, hint: near ? ` (did you mean "${near}"?)` : "" }, file: ctx.jobs, range: m.keyRange });
      }
    }
  },
});
