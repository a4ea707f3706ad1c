import { SPECIAL_UNITS } from "../../knowledge/special-units.js";
import type { EffectiveUnit } from "../../model/effective-unit.js";
import type { UnitSet } from "../../model/unit-set.js";
import { parseBoolean } from "../../values/primitives.js";
import { defineRule } from "../types.js";

interface PullIndex {
  /** Unit name → the units of the set that pull it in (Wants=, Requires=, …, a timer's or path unit's Unit=). */
  pulledBy: Map<string, EffectiveUnit[]>;
  /** Names some unit of the set is PartOf=. */
  partOf: Set<string>;
}

const PULLS = ["Wants", "Requires", "BindsTo", "Upholds", "OnFailure", "OnSuccess"];

/** Built once per set: asking every unit about every target was targets x units (minutes at 100,000 files). */
const indexes = new WeakMap<UnitSet, PullIndex>();

function pullIndex(set: UnitSet): PullIndex {
  let idx = indexes.get(set);
  if (idx) return idx;
  idx = { pulledBy: new Map(), partOf: new Set() };
  const add = (name: string, o: EffectiveUnit) => {
    const list = idx.pulledBy.get(name);
    if (!list) idx.pulledBy.set(name, [o]);
    else if (list[list.length - 1] !== o) list.push(o);
  };
  for (const o of set.units) {
    for (const k of PULLS) for (const a of o.list("Unit", k)) for (const name of a.value.split(/\s+/)) if (name) add(name, o);
    if (o.type === "timer") {
      const t = o.get("Timer", "Unit");
      if (t) add(t, o);
    }
    if (o.type === "path") {
      const t = o.get("Path", "Unit");
      if (t) add(t, o);
    }
    for (const a of o.list("Unit", "PartOf")) for (const name of a.value.split(/\s+/)) if (name) idx.partOf.add(name);
  }
  indexes.set(set, idx);
  return idx;
}

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
      rationale:
        "A group target such as `app.target` only comes up at boot when something pulls it in: its own `WantedBy=multi-user.target` (enabled), or another unit's Wants=. Otherwise everything grouped under it stays down after a reboot. A target with `AllowIsolate=yes` is meant to be entered by hand with `systemctl isolate` (as rescue.target is) and is not reported.",
      bad: {
        filename: "app.target",
        text: "[Unit]\nDescription=App\nWants=app-web.service\n",
        extra: [{ filename: "app-web.service", text: "[Service]\nExecStart=/usr/bin/web\n" }],
      },
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
    // AllowIsolate=yes: meant to be entered by hand (`systemctl isolate`), like rescue.target
    if (parseBoolean(u.get("Unit", "AllowIsolate") ?? "no") === true) return;
    const idx = pullIndex(ctx.set);
    if ((idx.pulledBy.get(me) ?? []).some((o) => o !== u)) return;
    // Only targets that group units of this set: an empty synchronisation point is someone else's business.
    if (!["Wants", "Requires", "BindsTo"].some((k) => u.list("Unit", k).length > 0) && !idx.partOf.has(me)) return;
    const header = u.main.ast.sections[0]?.header.range ?? { start: 0, end: 0 };
    ctx.report({ messageId: "nobody", data: { target: me }, file: u.main, range: header });
  },
});
