import { defineRule } from "../types.js";

export default defineRule({
  meta: {
    id: "crontab/variable-in-environment",
    family: "crontab",
    severity: "warning",
    fixable: "none",
    messages: { literal: "cron does not expand '{ref}' in '{name}={value}': the variable gets these characters literally" },
    docs: {
      summary: "A crontab environment line whose value uses $VARIABLE or ~ as if a shell expanded it.",
      rationale:
        "cron sets `NAME=VALUE` lines verbatim: `PATH=$PATH:/opt/bin` makes PATH the literal text `$PATH:/opt/bin`, and every command then fails to find its programs. Write the full value out.",
      bad: { filename: "crontab", text: "PATH=$PATH:/opt/tools/bin\n0 3 * * * root cleanup\n" },
      good: { filename: "crontab", text: "PATH=/usr/local/bin:/usr/bin:/bin:/opt/tools/bin\n0 3 * * * root cleanup\n" },
      reference: "crontab(5) (environment settings)",
    },
  },
  checkCrontab(ctx) {
    for (const line of ctx.crontab.lines) {
      if (line.kind !== "env") continue;
      const v = line.value.text;
      const m = /\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|(?:^|:)~(?=\/|:|$)/.exec(v);
      if (!m) continue;
      const at = m[0].startsWith(":") ? m.index + 1 : m.index;
      const ref = m[0].replace(/^:/, "");
      ctx.report({
        messageId: "literal",
        data: { ref, name: line.name.text, value: v },
        file: ctx.crontab,
        range: { start: line.value.range.start + at, end: line.value.range.start + at + ref.length },
      });
    }
  },
});
