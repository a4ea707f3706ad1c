import { FIELD_TYPES } from "../../jobs/index.js";
import { defineRule } from "../types.js";
import { jobViews } from "./jobs-helper.js";

export default defineRule({
  meta: {
    id: "jobs/wrong-field-type",
    family: "jobs",
    severity: "error",
    fixable: "none",
    messages: {
      field: '"{field}" must be {expected}, not {actual}',
      element: 'entries of "{field}" must be strings, not {actual}',
      entry: 'each entry of "jobs" must be a job object, not {actual}',
    },
    docs: {
      summary: 'A job field whose JSON type is not the documented one (e.g. "enabled": "false").',
      rationale:
        'The job system decodes fields into fixed types; a quoted boolean, a number as timeout or a non-string environment value makes the whole file fail to load, or worse, reads "false" as set.',
      bad: {
        filename: "jobs/log-rotation.json",
        text: '{\n  "name": "log-rotation",\n  "type": "command",\n  "schedule": "0 1 * * *",\n  "command": "logrotate /etc/logrotate.conf",\n  "enabled": "false"\n}\n',
      },
      good: {
        filename: "jobs/log-rotation.json",
        text: '{\n  "name": "log-rotation",\n  "type": "command",\n  "schedule": "0 1 * * *",\n  "command": "logrotate /etc/logrotate.conf",\n  "enabled": false\n}\n',
      },
      reference: "OpenTofu Workspace Scheduler, job system documentation (Configuration Fields)",
    },
  },
  checkJobs(ctx) {
    const describe = (t: string) => (t === "object" ? "an object" : t === "array" ? "an array" : t === "null" ? "null" : `a ${t}`);
    for (const e of ctx.jobs.entries)
      if (e.type !== "object") ctx.report({ messageId: "entry", data: { actual: describe(e.type) }, file: ctx.jobs, range: e.range });
    for (const job of jobViews(ctx.jobs)) {
      for (const m of job.node.members) {
        const spec = FIELD_TYPES[m.key];
        if (!spec) continue;
        if (!spec.types.includes(m.value.type)) {
          ctx.report({
            messageId: "field",
            data: { field: m.key, expected: spec.label, actual: describe(m.value.type) },
            file: ctx.jobs,
            range: m.value.range,
          });
          continue;
        }
        const children =
          m.value.type === "array" ? m.value.items : m.value.type === "object" && m.key === "environment" ? m.value.members.map((x) => x.value) : [];
        for (const c of children)
          if (c.type !== "string") ctx.report({ messageId: "element", data: { field: m.key, actual: describe(c.type) }, file: ctx.jobs, range: c.range });
      }
    }
  },
});
