import { defineRule } from "../types.js";
import { jobLines } from "./crontab-helper.js";

/** POSIX-portable user names plus the '$' of Samba machine accounts (useradd(8)). */
const USER_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*\$?$/;

export default defineRule({
  meta: {
    id: "crontab/unknown-user",
    family: "crontab",
    severity: "error",
    fixable: "none",
    options: { users: { type: "string[]", description: "User names of the target host; names outside the list are reported." } },
    messages: {
      notAName: "'{user}' in the user field is not a user name; in this file a job is 'schedule user command'",
      notANameByName:
        "'{user}' in the user field is not a user name: a file named crontab is read as a system crontab ('schedule user command'). If this is a user crontab (as `crontab -l` prints it, no user field), check it with `unitlint check --crontab {file}`",
      notKnown: "user '{user}' is not among the known users ({known})",
    },
    docs: {
      summary: "A job in /etc/crontab or a cron.d file whose user field is not a user (usually a missing user field).",
      rationale:
        "System crontabs name the user after the five time fields. A line copied from a user crontab puts the command there instead, cron looks up a user named like the command, fails, and skips the job. Set `users` in this rule's options to also check names against the users of the target host.",
      bad: { filename: "etc/crontab", text: "30 * * * * /usr/local/bin/notify --all\n" },
      good: { filename: "etc/crontab", text: "30 * * * * root /usr/local/bin/notify --all\n" },
      reference: "crontab(5) (system crontab format)",
    },
  },
  checkCrontab(ctx) {
    const known = ctx.options.users;
    for (const job of jobLines(ctx.crontab)) {
      const user = job.user;
      if (!user || job.problem) continue;
      // /etc/crontab and cron.d files are system crontabs for sure; a file that is only named crontab may be either.
      const byNameOnly = !/(^|\/)(etc\/crontab|cron\.d\/[^/]+)$/.test(ctx.crontab.path);
      if (!USER_NAME.test(user.text))
        ctx.report({
          messageId: byNameOnly ? "notANameByName" : "notAName",
          data: { user: user.text, file: ctx.crontab.path },
          file: ctx.crontab,
          range: user.range,
        });
      else if (known && !known.includes(user.text))
        ctx.report({ messageId: "notKnown", data: { user: user.text, known: known.join(", ") }, file: ctx.crontab, range: user.range });
    }
  },
});
