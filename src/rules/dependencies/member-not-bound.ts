import type { EffectiveUnit } from "../../model/effective-unit.js";
import { parseUnitName } from "../../model/unit-name.js";
import { resolveUnit, type UnitSet } from "../../model/unit-set.js";
import { valueSubRange } from "../../parser/unit/index.js";
import { splitWords } from "../../values/words.js";
import { defineRule } from "../types.js";

const BOUND = ["PartOf", "BindsTo"];

/** Whether `member` stops with `target`: PartOf=/BindsTo= it (a template's instances share its file). */
function boundTo(member: EffectiveUnit, target: string): boolean {
  return BOUND.some((k) => member.list("Unit", k).some((a) => a.value.split(/\s+/).includes(target)));
}

const groupCache = new WeakMap<UnitSet, Set<string>>();

/** Targets of the set that at least one unit is PartOf=/BindsTo=: groups meant to be started and stopped as one. */
function groups(set: UnitSet): Set<string> {
  let g = groupCache.get(set);
  if (!g) {
    g = new Set(set.units.flatMap((u) => BOUND.flatMap((k) => u.list("Unit", k).flatMap((a) => a.value.split(/\s+/).filter((t) => t.endsWith(".target"))))));
    groupCache.set(set, g);
  }
  return g;
}

export default defineRule({
  meta: {
    id: "dependencies/member-not-bound",
    family: "dependencies",
    severity: "warning",
    unitTypes: ["target"],
    fixable: "none",
    messages: {
      unbound:
        "{target} starts {unit}, but {unit} is not PartOf={target} like the group's other members ({sibling}): `systemctl stop {target}` and `restart` leave it running",
    },
    docs: {
      summary: "A group target that starts a unit of the set which, unlike the group's other members, is not `PartOf=` (or `BindsTo=`) the target.",
      rationale:
        "Wants= only propagates start. A target whose members are PartOf= it is meant to be stopped and restarted as one (`systemctl restart app.target`); a member that lacks PartOf= silently keeps running the old code after a restart of the group.",
      bad: {
        filename: "app.target",
        text: "[Unit]\nWants=app-web.service app-worker.service\n",
        extra: [
          { filename: "app-web.service", text: "[Unit]\nPartOf=app.target\n\n[Service]\nExecStart=/usr/bin/web\n" },
          { filename: "app-worker.service", text: "[Service]\nExecStart=/usr/bin/worker\n" },
        ],
      },
      good: {
        filename: "app.target",
        text: "[Unit]\nWants=app-web.service app-worker.service\n",
        extra: [
          { filename: "app-web.service", text: "[Unit]\nPartOf=app.target\n\n[Service]\nExecStart=/usr/bin/web\n" },
          { filename: "app-worker.service", text: "[Unit]\nPartOf=app.target\n\n[Service]\nExecStart=/usr/bin/worker\n" },
        ],
      },
      reference: "systemd.unit(5) PartOf=, Wants=",
    },
  },
  checkUnit(ctx) {
    const t = ctx.unit;
    const target = t.name.name;
    if (!t.main || !groups(ctx.set).has(target)) return;
    const sibling = ctx.set.units.find((u) => boundTo(u, target))?.name.name ?? "";
    for (const key of ["Wants", "Requires"]) {
      for (const a of t.list("Unit", key)) {
        for (const w of splitWords(a.value).words) {
          const member = resolveUnit(ctx.set, w.text);
          // only the set's own services and sockets: a target pulling in another target or a host unit is layering, not grouping
          if (!member || !["service", "socket"].includes(parseUnitName(w.text).type ?? "") || boundTo(member, target)) continue;
          ctx.report({ messageId: "unbound", data: { target, unit: w.text, sibling }, file: a.file, range: valueSubRange(a.entry, w.from, w.to) });
        }
      }
    }
  },
});
