import { parseUnitName } from "../../model/unit-name.js";
import { managerOf, managerViews, startsAfter } from "../../analysis/ordering.js";
import { defineRule } from "../types.js";

export default defineRule({
  meta: {
    id: "dependencies/requires-without-after",
    family: "dependencies",
    severity: "warning",
    fixable: "none",
    messages: {
      race: "{key}={dep} without After={dep}: both start at the same time, so this unit may run before {dep} is ready (and {key}= cannot see it fail)",
    },
    docs: {
      summary: "`Requires=` or `BindsTo=` a unit without also ordering `After=` it.",
      rationale:
        "Requirement and ordering are independent in systemd. Without After=, the two units are started in parallel: the dependent one may connect to a database that is not up yet, and a failed start of the dependency is not noticed in time.",
      bad: { filename: "app.service", text: "[Unit]\nRequires=postgresql.service\n\n[Service]\nExecStart=/usr/bin/app\n" },
      good: { filename: "app.service", text: "[Unit]\nRequires=postgresql.service\nAfter=postgresql.service\n\n[Service]\nExecStart=/usr/bin/app\n" },
      reference: "systemd.unit(5) Requires=",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    // Targets are synchronisation points whose ordering comes from their members' default dependencies.
    if (u.type === "target") return;
    const mode = managerOf(u, ctx.settings.mode);
    const after = startsAfter(managerViews(ctx.set, ctx.settings.mode).get(mode) ?? ctx.set, mode);
    const afterSet = new Set(u.list("Unit", "After").flatMap((a) => a.value.split(/\s+/)));
    const before = new Set(u.list("Unit", "Before").flatMap((a) => a.value.split(/\s+/)));
    for (const key of ["Requires", "BindsTo"]) {
      for (const a of u.list("Unit", key)) {
        for (const dep of a.value.split(/\s+/).filter(Boolean)) {
          if (afterSet.has(dep) || before.has(dep) || dep.includes("%")) continue;
          // ordered either way, directly or through a chain (After=network-online.target orders after network.target;
          // default dependencies order a service after basic.target): the race is gone
          if (after(u.name.name, dep) || after(dep, u.name.name)) continue;
          // slices and devices are ordered implicitly, and a socket is ordered before the service it activates
          if (["slice", "device", "socket"].includes(parseUnitName(dep).type ?? "")) continue;
          ctx.report({ messageId: "race", data: { key, dep }, file: a.file, range: a.entry.range });
        }
      }
    }
  },
});
