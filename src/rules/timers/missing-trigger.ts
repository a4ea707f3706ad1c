import { defineRule } from "../types.js";
import { TRIGGER_KEYS } from "./timer-helper.js";

export default defineRule({
  meta: {
    id: "timers/missing-trigger",
    family: "timers",
    severity: "error",
    unitTypes: ["timer"],
    fixable: "none",
    messages: { none: "{timer} has no trigger ({keys}): systemd refuses to load it, so it never fires. Add e.g. OnCalendar=daily in [Timer]" },
    docs: {
      summary: "A timer without any `OnCalendar=`, `OnBootSec=`, `OnUnitActiveSec=`... setting.",
      rationale: "systemd refuses to load a timer with no trigger (\"Timer unit lacks value setting\"), so the job never runs. A misspelt `[timer]` section, or an empty `OnCalendar=` that resets the list, leads here too.",
      bad: { filename: "backup.timer", text: "[Timer]\nPersistent=true\n\n[Install]\nWantedBy=timers.target\n" },
      good: { filename: "backup.timer", text: "[Timer]\nOnCalendar=daily\nPersistent=true\n\n[Install]\nWantedBy=timers.target\n" },
      reference: "systemd.timer(5)",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    if (!u.main) return; // a drop-in alone cannot tell
    if (TRIGGER_KEYS.some((k) => u.list("Timer", k).length > 0)) return;
    const timerSection = u.main.ast.sections.find((s) => s.name === "Timer" && !s.header.problem);
    ctx.report({ messageId: "none", data: { timer: u.name.name, keys: "OnCalendar=, OnBootSec=, OnUnitActiveSec=..." }, file: u.main, range: timerSection ? timerSection.header.range : { start: 0, end: 0 } });
  },
});
