import { defineRule } from "../types.js";
import { booleanSetting, commandsOf, hasSuccessAction, missingAt, serviceType } from "./loading-helper.js";

export default defineRule({
  meta: {
    id: "loading/service-without-start",
    family: "loading",
    severity: "error",
    unitTypes: ["service"],
    fixable: "none",
    messages: {
      nothing:
        "the service has no ExecStart=, ExecStop= or SuccessAction= (in [Service], spelt exactly so): systemd refuses to load it. Add ExecStart=/path/to/program",
      notOneshot:
        "a Type={type} service needs ExecStart=: systemd refuses to load it. Add ExecStart=, or set Type=oneshot for a service that only has ExecStop=",
      noRemain:
        "a service with no ExecStart= and no SuccessAction= must set RemainAfterExit=yes: systemd refuses to load it. Add RemainAfterExit=yes (or an ExecStart=)",
    },
    docs: {
      summary:
        "A service that systemd refuses to load because it has nothing to start: no `ExecStart=` (after resets), or only `ExecStop=` without `RemainAfterExit=yes`.",
      rationale:
        'systemd 252 loads a service only when it has an `ExecStart=`, an `ExecStop=` or a `SuccessAction=`; a service without `ExecStart=` must be `Type=oneshot`, and then needs `RemainAfterExit=yes` unless it has a `SuccessAction=`. Otherwise the unit is refused ("bad unit file setting") and never starts. A misspelt `[service]` section or an empty `ExecStart=` in a drop-in that resets the list leads here too.',
      bad: { filename: "app.service", text: "[service]\nExecStart=/usr/bin/app\n" },
      good: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\n" },
      reference: "systemd.service(5) ExecStart=",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    const at = missingAt(u, "Service");
    if (!at) return;
    const start = commandsOf(u, "Service", "ExecStart").length > 0;
    const stop = commandsOf(u, "Service", "ExecStop").length > 0;
    const success = hasSuccessAction(u);
    const type = serviceType(u);
    if (!start && !stop && !success) ctx.report({ messageId: "nothing", ...at });
    else if (!start && type !== "oneshot") ctx.report({ messageId: "notOneshot", data: { type }, ...at });
    else if (!start && !success && !booleanSetting(u, "Service", "RemainAfterExit", false)) ctx.report({ messageId: "noRemain", ...at });
  },
});
