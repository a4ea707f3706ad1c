import { defineRule } from "../types.js";

export default defineRule({
  meta: {
    id: "jobs/invalid-json",
    family: "jobs",
    severity: "error",
    fixable: "none",
    messages: { invalid: "this job file is not valid JSON: {reason}" },
    docs: {
      summary: "A JSON job file that does not parse.",
      rationale: "The job system skips a file it cannot parse, so none of its jobs run. Comments, trailing commas and single quotes are not JSON.",
      bad: {
        filename: "jobs/cleanup-temp.json",
        text: '{\n  "name": "cleanup-temp",\n  "type": "command",\n  "schedule": "0 2 * * *",\n  "command": "find /tmp -name \'*.tmp\' -delete",\n}\n',
      },
      good: {
        filename: "jobs/cleanup-temp.json",
        text: '{\n  "name": "cleanup-temp",\n  "type": "command",\n  "schedule": "0 2 * * *",\n  "command": "find /tmp -name \'*.tmp\' -delete"\n}\n',
      },
      reference: "RFC 8259",
    },
  },
  checkJobs(ctx) {
    const j = ctx.jobs.json;
    if (!j.ok) ctx.report({ messageId: "invalid", data: { reason: j.error.message }, file: ctx.jobs, range: j.error.range });
  },
});
