import { SPECIAL_UNITS } from "../../knowledge/special-units.js";
import { defineRule } from "../types.js";

export default defineRule({
  meta: {
    id: "install/unreachable-target",
    family: "install",
    severity: "warning",
    unitTypes: ["target"],
    fixable: "none",
    messages: {
      nobody: "nothing starts {target}: no unit of the set wants or requires it and it has no [Install] section, so it is only ever started by hand",
    },
    docs: {
      summary: "A target of the set that no unit wants or requires and that cannot be enabled (no `[Install]`).",
      rationale: "A group target such as `app.target` only comes up at boot when something pulls it in: its own `WantedBy=multi-user.target` (enabled), or another unit's Wants=. Otherwise everything grouped under it stays down after a reboot.",
      bad: { filename: "app.target", text: "[Unit]\nDescription=App\nWants=app-web.service\n", extra: [{ filename: "app-web.service", text: "[Service]\nExecStart=/usr/bin/web\n" }] },
      good: {
        filename: "app.target",
        text: "[Unit]\nDescription=App\nWants=app-web.service\n\n[Install]\nWantedBy=multi-user.target\n",
        extra: [{ filename: "app-web.service", text: "[Service]\nExecStart=/usr/bin/web\n" }],
      },
      reference: "systemd.target(5), systemd.unit(5) [Install]",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    if (!u.main || u.name.isTemplate) return;
    const me = u.name.name;
    // systemd starts its own special targets itself (boot goal, sleep states, runlevel aliases)
    if (SPECIAL_UNITS.includes(me) || /^runlevel\d\.target$/.test(me)) return;
    if (["WantedBy", "RequiredBy", "UpheldBy", "Alias", "Also"].some((k) => u.list("Install", k).length > 0)) return;
    if ((ctx.settings.enabledUnits ?? []).includes(me)) return;
    const pulledBy = ctx.set.units.some(
      (o) =>
        o !== u &&
        (["Wants", "Requires", "BindsTo", "Upholds", "OnFailure", "OnSuccess"].some((k) => o.list("Unit", k).some((a) => a.value.split(/\s+/).includes(me))) ||
          (o.type === "timer" && o.get("Timer", "Unit") === me) ||
          (o.type === "path" && o.get("Path", "Unit") === me)),
    );
    if (pulledBy) return;
    // Only targets that group units of this set: an empty synchronisation point is someone else's business.
    if (!["Wants", "Requires", "BindsTo"].some((k) => u.list("Unit", k).length > 0) && !ctx.set.units.some((o) => o.list("Unit", "PartOf").some((a) => a.value.split(/\s+/).includes(me)))) return;
    const header = u.main.ast.sections[0]?.header.range ?? { start: 0, end: 0 };
    ctx.report({ messageId: "nobody", data: { target: me }, file: u.main, range: header });
  },
});
