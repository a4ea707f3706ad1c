import { parseUnitName } from "../../model/unit-name.js";
import { resolveUnit } from "../../model/unit-set.js";
import { defineRule } from "../types.js";

export default defineRule({
  meta: {
    id: "dependencies/member-not-pulled-in",
    family: "dependencies",
    severity: "warning",
    fixable: "none",
    messages: {
      notPulled:
        "{unit} is {key}={target}, but {target} neither wants nor requires it (and it is not WantedBy={target}): starting {target} does not start {unit}, only stopping it stops it",
    },
    docs: {
      summary: "A unit that is `PartOf=`/`BindsTo=` a target of the set which does not pull it in.",
      rationale:
        "PartOf= only propagates stop and restart from the target to the unit. Unless the target also Wants= it (or the unit is WantedBy= the target), `systemctl start group.target` leaves the member stopped.",
      bad: {
        filename: "worker.service",
        text: "[Unit]\nPartOf=app.target\n\n[Service]\nExecStart=/usr/bin/worker\n",
        extra: [{ filename: "app.target", text: "[Unit]\nDescription=App\n" }],
      },
      good: {
        filename: "worker.service",
        text: "[Unit]\nPartOf=app.target\n\n[Service]\nExecStart=/usr/bin/worker\n\n[Install]\nWantedBy=app.target\n",
        extra: [{ filename: "app.target", text: "[Unit]\nDescription=App\n" }],
      },
      reference: "systemd.unit(5) PartOf=",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    if (!u.main) return;
    // Units started on demand (D-Bus or socket activation) use PartOf= only to stop with the group.
    if (u.get("Service", "BusName") !== undefined || u.get("Service", "Type") === "dbus") return;
    const me = u.name.name;
    const installedInto = new Set(["WantedBy", "RequiredBy", "UpheldBy"].flatMap((k) => u.list("Install", k).flatMap((a) => a.value.split(/\s+/))));
    for (const key of ["PartOf", "BindsTo"]) {
      for (const a of u.list("Unit", key)) {
        for (const target of a.value.split(/\s+/).filter((t) => parseUnitName(t).type === "target")) {
          const t = resolveUnit(ctx.set, target);
          if (!t || installedInto.has(target)) continue;
          const pulls = ["Wants", "Requires", "BindsTo", "Upholds"].some((k) =>
            t.list("Unit", k).some((x) => x.value.split(/\s+/).some((n) => n === me || (u.name.isTemplate && parseUnitName(n).template === me))),
          );
          if (!pulls) ctx.report({ messageId: "notPulled", data: { unit: me, key, target }, file: a.file, range: a.entry.range });
        }
      }
    }
  },
});
