import { JOB_TYPES, REQUIRED_FIELDS } from "../../jobs/index.js";
import { defineRule } from "../types.js";
import { jobStart, jobViews } from "./jobs-helper.js";

export default defineRule({
  meta: {
    id: "jobs/missing-field",
    family: "jobs",
    severity: "error",
    fixable: "none",
    messages: {
      required: 'the job{name} has no "{field}" (every job needs name, type and schedule)',
      forType: 'a "{type}" job needs a "{field}" field with what to run',
    },
    docs: {
      summary: "A job without one of its required fields (name, type, schedule, and the script/command/template its type runs).",
      rationale: "The job system rejects a job that lacks a required field, or has nothing to run when its type's field is missing.",
      bad: {
        filename: "jobs/health-check.json",
        text: '{\n  "name": "health-check",\n  "type": "command",\n  "schedule": "*/15 * * * *",\n  "script": "curl -f http://localhost:8080/health"\n}\n',
      },
      good: {
        filename: "jobs/health-check.json",
        text: '{\n  "name": "health-check",\n  "type": "command",\n  "schedule": "*/15 * * * *",\n  "command": "curl -f http://localhost:8080/health"\n}\n',
      },
      reference: "OpenTofu Workspace Scheduler, job system documentation (Configuration Fields, Type-Specific Fields)",
    },
  },
  checkJobs(ctx) {
    for (const job of jobViews(ctx.jobs)) {
      const name = job.str("name");
      for (const field of REQUIRED_FIELDS) {
        if (!job.field(field)) ctx.report({ messageId: "required", data: { field, name: name ? ` "${name}"` : "" }, file: ctx.jobs, range: jobStart(job) });
      }
      const type = job.field("type");
      const needs = type?.value.type === "string" ? JOB_TYPES[type.value.value] : undefined;
      if (type && needs && !job.field(needs))
        ctx.report({ messageId: "forType", data: { type: needs, field: needs }, file: ctx.jobs, range: type.value.range });
    }
  },
});
