import type { JobsFile } from "../../jobs/index.js";
import { dirnameOf } from "../../model/unit-file.js";
import { defineRule } from "../types.js";
import { jobViews } from "./jobs-helper.js";

/** Standalone job files of one folder share a namespace; a workspace file's jobs have their own. */
const namespaceOf = (f: JobsFile) => (f.shape === "workspace" ? `ws:${f.path}` : `dir:${dirnameOf(f.path)}`);

export default defineRule({
  meta: {
    id: "jobs/duplicate-name",
    family: "jobs",
    severity: "error",
    fixable: "none",
    messages: { duplicate: 'job name "{name}" is already used {where}; names identify jobs (jobctl run NAME) and must be unique' },
    docs: {
      summary: "Two jobs with the same name in one workspace or one jobs/ folder.",
      rationale:
        "jobctl and the scheduler address jobs by name; with two of the same name one shadows the other, and status, run and kill act on the wrong job.",
      bad: {
        filename: "jobs/health.json",
        text: '[\n  { "name": "health", "type": "command", "schedule": "*/5 * * * *", "command": "curl -f http://localhost/health" },\n  { "name": "health", "type": "command", "schedule": "0 * * * *", "command": "df -h" }\n]\n',
      },
      good: {
        filename: "jobs/health.json",
        text: '[\n  { "name": "health", "type": "command", "schedule": "*/5 * * * *", "command": "curl -f http://localhost/health" },\n  { "name": "disk-usage", "type": "command", "schedule": "0 * * * *", "command": "df -h" }\n]\n',
      },
      reference: "OpenTofu Workspace Scheduler, job system documentation (Configuration Fields: name)",
    },
  },
  checkJobs(ctx) {
    const ns = namespaceOf(ctx.jobs);
    // peers come in run order; the first file holding a name owns it
    const seen = new Map<string, { file: JobsFile; range: { start: number; end: number } }>();
    for (const peer of ctx.peers) {
      if (namespaceOf(peer) !== ns) continue;
      for (const job of jobViews(peer)) {
        const v = job.field("name")?.value;
        if (v?.type !== "string") continue;
        const first = seen.get(v.value);
        if (!first) {
          seen.set(v.value, { file: peer, range: v.range });
          continue;
        }
        if (peer !== ctx.jobs) continue;
        const where = first.file === peer ? `on line ${peer.source.positionAt(first.range.start).line}` : `in ${first.file.path}`;
        ctx.report({
          messageId: "duplicate",
          data: { name: v.value, where },
          file: ctx.jobs,
          range: v.range,
          related: [{ file: first.file, range: first.range, message: "first job with this name" }],
        });
      }
    }
  },
});
