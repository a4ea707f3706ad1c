import { resolveUnit } from "../../model/unit-set.js";
import { defineRule } from "../types.js";
import { triggeredUnitName } from "./timer-helper.js";

export default defineRule({
  meta: {
    id: "timers/service-also-enabled",
    family: "timers",
    severity: "warning",
    unitTypes: ["timer"],
    fixable: "none",
    // the finding is on the service's [Install] section, found while checking the timer
    reportsInOtherUnits: true,
    messages: {
      enabled: "{service} is started by {timer}, but its own [Install] {key}={target} also starts it at boot, outside the schedule",
    },
    docs: {
      summary: "A service started by a timer that also has its own `WantedBy=`, so enabling it runs the job at every boot as well.",
      rationale:
        "The timer is what should be enabled; the service it triggers needs no [Install] section. With `WantedBy=multi-user.target` (or `default.target`) in the service, `systemctl enable` makes the job run at boot too — a backup at 8:00 every Monday also runs whenever the machine starts.",
      bad: {
        filename: "backup.timer",
        text: "[Timer]\nOnCalendar=Mon *-*-* 08:00\n\n[Install]\nWantedBy=timers.target\n",
        extra: [{ filename: "backup.service", text: "[Service]\nType=oneshot\nExecStart=/usr/local/bin/backup\n\n[Install]\nWantedBy=multi-user.target\n" }],
      },
      good: {
        filename: "backup.timer",
        text: "[Timer]\nOnCalendar=Mon *-*-* 08:00\n\n[Install]\nWantedBy=timers.target\n",
        extra: [{ filename: "backup.service", text: "[Service]\nType=oneshot\nExecStart=/usr/local/bin/backup\n" }],
      },
      reference: "systemd.timer(5)",
    },
  },
  checkUnit(ctx) {
    const timer = ctx.unit;
    const name = triggeredUnitName(timer);
    const service = resolveUnit(ctx.set, name);
    if (!service || !service.main) return;
    for (const key of ["WantedBy", "RequiredBy"]) {
      for (const a of service.list("Install", key)) {
        if (a.value === "" || a.value.split(/\s+/).every((t) => t === "timers.target")) continue;
        ctx.report({
          messageId: "enabled",
          data: { service: name, timer: timer.name.name, key, target: a.value },
          file: a.file,
          range: a.entry.range,
          related: timer.main ? [{ file: timer.main, range: { start: 0, end: 0 }, message: `${timer.name.name} triggers ${name}` }] : [],
        });
      }
    }
  },
});
