import type { EffectiveUnit } from "../../model/effective-unit.js";
import { resolveUnit } from "../../model/unit-set.js";
import { defineRule } from "../types.js";

/** A service can be reloaded when it has an ExecReload= command or Type=notify-reload (systemd 253). */
const reloadable = (u: EffectiveUnit) => u.list("Service", "ExecReload").some((a) => a.value !== "") || u.get("Service", "Type") === "notify-reload";

export default defineRule({
  meta: {
    id: "exec/reload-not-supported",
    family: "exec",
    severity: "warning",
    fixable: "none",
    messages: {
      to: 'PropagatesReloadTo={target}: {target} has no ExecReload= (and is not Type=notify-reload), so the propagated reload never reaches it (systemd skips it and logs "Cannot add dependency reload job"). Give {target} an ExecReload=, or drop it from the list',
      from: 'ReloadPropagatedFrom={source}: {unit} itself has no ExecReload= (and is not Type=notify-reload), so reloads of {source} never reach it (systemd skips it and logs "Cannot add dependency reload job"). Add ExecReload= to {unit}, or remove this line',
    },
    docs: {
      summary: "A service that receives reloads through `PropagatesReloadTo=`/`ReloadPropagatedFrom=` but has no `ExecReload=` (nor `Type=notify-reload`).",
      rationale:
        "A reload is passed on only to units that can be reloaded. When the receiving service has no `ExecReload=`, systemd cannot reload it and skips it with only a line in the log: `systemctl reload` reports success, and the configuration the propagation was meant to refresh stays stale. For `PropagatesReloadTo=` the receiver is the listed unit (checked when it is among the linted units); for `ReloadPropagatedFrom=` it is the unit with the line.",
      bad: {
        filename: "app.service",
        text: "[Unit]\nPropagatesReloadTo=app-worker.service\n\n[Service]\nExecStart=/usr/bin/app\nExecReload=/bin/kill -HUP $MAINPID\n",
        extra: [{ filename: "app-worker.service", text: "[Service]\nExecStart=/usr/bin/app-worker\n" }],
      },
      good: {
        filename: "app.service",
        text: "[Unit]\nPropagatesReloadTo=app-worker.service\n\n[Service]\nExecStart=/usr/bin/app\nExecReload=/bin/kill -HUP $MAINPID\n",
        extra: [{ filename: "app-worker.service", text: "[Service]\nExecStart=/usr/bin/app-worker\nExecReload=/bin/kill -HUP $MAINPID\n" }],
      },
      reference: "systemd.unit(5) PropagatesReloadTo=, ReloadPropagatedFrom=; systemd.service(5) ExecReload=",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    for (const a of u.list("Unit", "PropagatesReloadTo")) {
      for (const target of a.value.split(/\s+/).filter(Boolean)) {
        const t = resolveUnit(ctx.set, target);
        if (!t?.main || t.type !== "service" || reloadable(t)) continue;
        ctx.report({ messageId: "to", data: { target }, file: a.file, range: a.entry.range });
      }
    }
    if (u.type !== "service" || !u.main || reloadable(u)) return;
    for (const a of u.list("Unit", "ReloadPropagatedFrom")) {
      for (const source of a.value.split(/\s+/).filter(Boolean))
        ctx.report({ messageId: "from", data: { source, unit: u.name.name }, file: a.file, range: a.entry.range });
    }
  },
});
