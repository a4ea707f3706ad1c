import { valueSubRange } from "../../parser/unit/index.js";
import { splitWords } from "../../values/words.js";
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

/** Dependency settings whose values are unit names. */
const DEPENDENCY_KEYS = new Set(["After", "Before", "Wants", "Requires", "Requisite", "BindsTo", "PartOf", "WantedBy", "RequiredBy"]);
/** Units that no longer exist (systemd.special(7) history). */
export const OBSOLETE_UNITS: Record<string, string> = {
  "syslog.target": "syslog.target was removed in systemd 184: syslog daemons are socket-activated by syslog.socket, so nothing needs to order after it",
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
      obsoleteUnit: "{unit} is obsolete: {why}",
    },
    docs: {
      summary:
        "A deprecated value: `StandardOutput=syslog`, `StandardError=syslog+console`, `KillMode=none`, an obsolete unit such as `syslog.target` in a dependency.",
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
      if (DEPENDENCY_KEYS.has(entry.key)) {
        for (const w of splitWords(entry.value).words) {
          const why = OBSOLETE_UNITS[w.text];
          if (!why) continue;
          // Removing the name (and one separating space) keeps every other dependency as it is.
          const start = w.from > 0 && /\s/.test(entry.value[w.from - 1]!) ? w.from - 1 : w.from;
          const end = start === w.from && /\s/.test(entry.value[w.to] ?? "") ? w.to + 1 : w.to;
          const del = valueSubRange(entry, start, end);
          ctx.report({
            messageId: "obsoleteUnit",
            data: { unit: w.text, why },
            file: ctx.file,
            range: valueSubRange(entry, w.from, w.to),
            fix: { description: `Remove ${w.text}`, safe: true, edits: [{ start: del.start, end: del.end, text: "" }] },
          });
        }
      }
      const d = DEPRECATED[entry.key]?.[entry.value];
      if (!d) continue;
      const data = { key: entry.key, value: entry.value, why: d.why, to: d.to ?? "" };
      ctx.report({
        messageId: d.to ? "replaced" : "deprecated",
        data,
        file: ctx.file,
        range: entry.valueRange,
        ...(d.to
          ? { fix: { description: `Replace with ${d.to}`, safe: true, edits: [{ start: entry.valueRange.start, end: entry.valueRange.end, text: d.to }] } }
          : {}),
      });
    }
  },
});
