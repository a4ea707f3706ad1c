import { defineRule } from "../types.js";

export default defineRule({
  meta: {
    id: "crontab/missing-final-newline",
    family: "crontab",
    severity: "error",
    fixable: "unsafe",
    messages: { missing: "the last line has no newline, so cron does not read it" },
    docs: {
      summary: "A crontab whose last job or assignment is not ended by a newline.",
      rationale:
        "cron needs every entry to end in a newline: `crontab` refuses to install such a file, and the daemon drops the unterminated last line of /etc/crontab and cron.d files, so that job silently never runs.",
      bad: { filename: "crontab", text: "15 * * * * root /usr/local/bin/sync" },
      good: { filename: "crontab", text: "15 * * * * root /usr/local/bin/sync\n" },
      fix: "Appends a newline. Unsafe in the strict sense: the job that cron ignored so far starts to run.",
      reference: "crontab(5)",
    },
  },
  checkCrontab(ctx) {
    const last = ctx.crontab.unterminatedLastLine;
    if (!last || (last.kind !== "job" && last.kind !== "env")) return;
    const end = ctx.crontab.source.text.length;
    ctx.report({
      messageId: "missing",
      file: ctx.crontab,
      range: last.range,
      fix: { description: "add a newline at the end", safe: false, edits: [{ start: end, end, text: "\n" }] },
    });
  },
});
