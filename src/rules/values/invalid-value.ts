import { directiveInfo } from "../../knowledge/directives.js";
import { valueSubRange } from "../../parser/unit/index.js";
import { validateValue } from "../../values/validate.js";
import { checkedEntries } from "../directives/entries-helper.js";
import { defineRule } from "../types.js";

export default defineRule({
  meta: {
    id: "values/invalid-value",
    family: "values",
    severity: "error",
    fixable: "unsafe",
    messages: { invalid: "{key}=: {message}" },
    docs: {
      summary: "A value systemd cannot parse for its setting: a bad boolean, enum value, time span, number out of range, file mode, signal, size or calendar spec.",
      rationale:
        "systemd logs \"Failed to parse\" and ignores the assignment, so the default silently applies: `Restart=on-failed` never restarts, `TimeoutStopSec=90sec` is rejected... unitlint underlines the exact bad part and says what is allowed.",
      bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nRestart=on-failed\nTimeoutStopSec=1.5 mins\n" },
      good: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nRestart=on-failure\nTimeoutStopSec=1min\n" },
      fix: "A cron expression pasted into `OnCalendar=` gets the equivalent calendar spec as an unsafe fix (the timer starts firing when applied). Other values need the author's intent.",
      reference: "systemd.service(5), systemd.exec(5), systemd.time(7)",
    },
  },
  checkFile(ctx) {
    for (const { section, entry } of checkedEntries(ctx.file)) {
      const info = directiveInfo(section, entry.key);
      if (!info || info.status === "removed") continue;
      const p = validateValue(entry.value, info);
      if (!p) continue;
      const range = valueSubRange(entry, p.from, Math.max(p.to, p.from + (entry.value.length ? 1 : 0)));
      // Turning an ignored line into a working one changes behaviour, so the fix is never "safe".
      const fix = p.replacement !== undefined ? { description: `Replace with ${entry.key}=${p.replacement}`, safe: false, edits: [{ start: entry.valueRange.start, end: entry.valueRange.end, text: p.replacement }] } : undefined;
      ctx.report({
        messageId: "invalid",
        data: { key: entry.key, message: p.message },
        file: ctx.file,
        range,
        ...(p.severity ? { severity: p.severity } : {}),
        ...(fix ? { fix } : {}),
      });
    }
  },
});
