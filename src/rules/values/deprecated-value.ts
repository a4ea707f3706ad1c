import { checkedEntries } from "../directives/entries-helper.js";
import { defineRule } from "../types.js";

/** Values systemd still accepts but remaps or warns about (enums.tsv "deprecated values"). */
const DEPRECATED: Record<string, Record<string, { to?: string; why: string }>> = {
  StandardOutput: {
    syslog: { to: "journal", why: "systemd maps it to 'journal' (the journal forwards to syslog)" },
    "syslog+console": { to: "journal+console", why: "systemd maps it to 'journal+console'" },
  },
  StandardError: {
    syslog: { to: "journal", why: "systemd maps it to 'journal' (the journal forwards to syslog)" },
    "syslog+console": { to: "journal+console", why: "systemd maps it to 'journal+console'" },
  },
  KillMode: { none: { why: "processes are left running after stop; use 'mixed' or 'control-group'" } },
};

export default defineRule({
  meta: {
    id: "values/deprecated-value",
    family: "values",
    severity: "warning",
    fixable: "safe",
    messages: {
      replaced: "{key}={value} is deprecated: {why}; write {key}={to}",
      deprecated: "{key}={value} is deprecated: {why}",
    },
    docs: {
      summary: "A deprecated value: `StandardOutput=syslog`, `StandardError=syslog+console`, `KillMode=none`.",
      rationale:
        "systemd still accepts these with a warning: `syslog` output is really the journal (which forwards to syslog), and `KillMode=none` leaves processes behind when the service stops.",
      bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nStandardOutput=syslog\n" },
      good: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nStandardOutput=journal\n" },
      fix: "`syslog` → `journal` and `syslog+console` → `journal+console` are exactly what systemd does with them, so the fix is safe. `KillMode=none` has no automatic fix.",
      reference: "systemd.exec(5) StandardOutput=, systemd.kill(5) KillMode=",
    },
  },
  checkFile(ctx) {
    for (const { entry } of checkedEntries(ctx.file)) {
      const d = DEPRECATED[entry.key]?.[entry.value];
      if (!d) continue;
      const data = { key: entry.key, value: entry.value, why: d.why, to: d.to ?? "" };
      ctx.report({
        messageId: d.to ? "replaced" : "deprecated",
        data,
        file: ctx.file,
        range: entry.valueRange,
        ...(d.to ? { fix: { description: `Replace with ${d.to}`, safe: true, edits: [{ start: entry.valueRange.start, end: entry.valueRange.end, text: d.to }] } } : {}),
      });
    }
  },
});
