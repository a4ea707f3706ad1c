import { defineRule } from "../types.js";
import { jobViews } from "./jobs-helper.js";

/** Variable names that by convention hold credentials. */
const SECRET_NAME = /(PASS(WORD|WD)?|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIALS?|AUTH)$|^(PGPASSWORD|MYSQL_PWD|AWS_SECRET_ACCESS_KEY)$/i;
/** A value the job system fills in at run time ("{{database_password}}"), not the secret itself. */
const PLACEHOLDER = /^\s*\{\{\s*[\w.-]+\s*\}\}\s*$|^\$\{?\w+\}?$/;

export default defineRule({
  meta: {
    id: "jobs/secret-in-environment",
    family: "jobs",
    severity: "warning",
    fixable: "none",
    messages: { secret: '"{name}" holds a literal secret in the job file; use a placeholder such as "{{{placeholder}}}" filled in by the job system' },
    docs: {
      summary: "A password, token or key written literally into a job's environment.",
      rationale:
        "Job files live in version control and are readable by whoever can list jobs; a literal credential leaks with them. The job system's `{{name}}` placeholders keep the secret out of the file.",
      bad: {
        filename: "jobs/db-backup.json",
        text: '{\n  "name": "db-backup",\n  "type": "command",\n  "schedule": "0 1 * * *",\n  "command": "pg_dump myapp",\n  "environment": { "PGPASSWORD": "hunter2" }\n}\n',
      },
      good: {
        filename: "jobs/db-backup.json",
        text: '{\n  "name": "db-backup",\n  "type": "command",\n  "schedule": "0 1 * * *",\n  "command": "pg_dump myapp",\n  "environment": { "PGPASSWORD": "{{database_password}}" }\n}\n',
      },
      reference: "OpenTofu Workspace Scheduler, job system documentation (Security: Secret Management)",
    },
  },
  checkJobs(ctx) {
    for (const job of jobViews(ctx.jobs)) {
      const env = job.field("environment")?.value;
      if (env?.type !== "object") continue;
      for (const m of env.members) {
        if (!SECRET_NAME.test(m.key) || m.value.type !== "string" || m.value.value === "" || PLACEHOLDER.test(m.value.value)) continue;
        ctx.report({ messageId: "secret", data: { name: m.key, placeholder: m.key.toLowerCase() }, file: ctx.jobs, range: m.value.range });
      }
    }
  },
});
