import { defineRule } from "../types.js";
import { parseBoolean } from "../../values/primitives.js";

export default defineRule({
  meta: {
    id: "timers/persistent-without-calendar",
    family: "timers",
    severity: "warning",
    unitTypes: ["timer"],
    fixable: "none",
    messages: { noop: "Persistent=true only affects OnCalendar= triggers; this timer has none, so it does nothing" },
    docs: {
      summary: "`Persistent=true` on a timer without `OnCalendar=`.",
      rationale:
        "Persistence catches up on calendar elapses missed while the machine was off. Monotonic timers (`OnBootSec=`, `OnUnitActiveSec=`) ignore it, so the setting suggests a guarantee that does not exist.",
      bad: { filename: "poll.timer", text: "[Timer]\nOnUnitActiveSec=15min\nPersistent=true\n" },
      good: { filename: "poll.timer", text: "[Timer]\nOnCalendar=*:0/15\nPersistent=true\n" },
      reference: "systemd.timer(5) Persistent=",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    const p = u.last("Timer", "Persistent");
    if (!p || parseBoolean(p.value) !== true || u.list("Timer", "OnCalendar").length > 0) return;
    ctx.report({ messageId: "noop", file: p.file, range: p.entry.range });
  },
});
