import { stringValueRange } from "../../jobs/index.js";
import { neverRuns, parseSchedule } from "../../crontab/schedule.js";
import { defineRule } from "../types.js";
import { allSchedules } from "./jobs-helper.js";

export default defineRule({
  meta: {
    id: "jobs/schedule-never-fires",
    family: "jobs",
    severity: "error",
    fixable: "none",
    messages: { never: 'cron schedule "{schedule}" never runs: none of its months has the day of month "{days}"' },
    docs: {
      summary: "A job schedule that names a date no month has, such as February 30th.",
      rationale: "The schedule parses, so the job loads, but its next run is never computed and it silently never runs.",
      bad: {
        filename: "jobs/close-books.json",
        text: '{\n  "name": "close-books",\n  "type": "command",\n  "schedule": "0 0 30 2 *",\n  "command": "./close-books.sh"\n}\n',
      },
      good: {
        filename: "jobs/close-books.json",
        text: '{\n  "name": "close-books",\n  "type": "command",\n  "schedule": "0 0 28 2 *",\n  "command": "./close-books.sh"\n}\n',
      },
      reference: "crontab(5)",
    },
  },
  checkJobs(ctx) {
    for (const s of allSchedules(ctx.jobs)) {
      if (s.node.type !== "string") continue;
      const r = parseSchedule(s.text, 0);
      if (!r.ok || !r.cron.fields || !neverRuns(r.cron)) continue;
      const dom = r.cron.fields.dayOfMonth;
      ctx.report({
        messageId: "never",
        data: { schedule: s.text, days: dom.text },
        file: ctx.jobs,
        range: stringValueRange(ctx.jobs.source.text, s.node, dom.range.start, dom.range.end),
      });
    }
  },
});
