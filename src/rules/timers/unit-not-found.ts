import { resolveUnit } from "../../model/unit-set.js";
import { defineRule } from "../types.js";
import { triggeredUnitName } from "./timer-helper.js";

export default defineRule({
  meta: {
    id: "timers/unit-not-found",
    family: "timers",
    severity: "warning",
    unitTypes: ["timer"],
    fixable: "none",
    messages: { missing: "{timer} starts {service}, which is not among the checked units (declare it external if it exists on the target host)" },
    docs: {
      summary: "A timer whose service (same name, or `Unit=`) is not in the checked folder.",
      rationale:
        'A timer with no service to start fails when it elapses ("Refusing to start, unit to trigger not loaded"). A renamed service or a typo in `Unit=` is the usual cause.',
      bad: {
        filename: "backup.timer",
        text: "[Timer]\nOnCalendar=daily\nUnit=bakup.service\n",
        extra: [{ filename: "backup.service", text: "[Service]\nType=oneshot\nExecStart=/usr/local/bin/backup\n" }],
      },
      good: {
        filename: "backup.timer",
        text: "[Timer]\nOnCalendar=daily\n",
        extra: [{ filename: "backup.service", text: "[Service]\nType=oneshot\nExecStart=/usr/local/bin/backup\n" }],
      },
      reference: "systemd.timer(5) Unit=",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    if (!u.main || u.name.isTemplate) return;
    const name = triggeredUnitName(u);
    if (name.includes("%") || resolveUnit(ctx.set, name) || ctx.settings.externalUnits.includes(name)) return;
    const unitLine = u.last("Timer", "Unit");
    ctx.report({
      messageId: "missing",
      data: { timer: u.name.name, service: name },
      file: unitLine?.file ?? u.main,
      range: unitLine ? unitLine.entry.valueRange : { start: 0, end: 0 },
    });
  },
});
