import { SYSTEMD_UNITS_LINKED_BY_BUILD } from "../../knowledge/systemd-units.generated.js";
import { parseUnitName } from "../../model/unit-name.js";
import type { UnitSet } from "../../model/unit-set.js";
import { defineRule } from "../types.js";

const PULLS: [string, string][] = [
  ["Unit", "Wants"],
  ["Unit", "Requires"],
  ["Unit", "Requisite"],
  ["Unit", "BindsTo"],
  ["Unit", "Upholds"],
  ["Unit", "OnFailure"],
  ["Unit", "OnSuccess"],
];
const LINKED = new Set(SYSTEMD_UNITS_LINKED_BY_BUILD);

/** Timer names (and the templates of instances) some unit of the set pulls in, built once per set. */
const pulledCache = new WeakMap<UnitSet, Set<string>>();

function pulledTimers(set: UnitSet): Set<string> {
  let s = pulledCache.get(set);
  if (s) return s;
  s = new Set();
  for (const o of set.units) {
    for (const [section, key] of PULLS) {
      for (const a of o.list(section, key)) {
        for (const name of a.value.split(/\s+/)) {
          if (!name.endsWith(".timer")) continue;
          s.add(name);
          const t = parseUnitName(name).template;
          if (t) s.add(t);
        }
      }
    }
  }
  pulledCache.set(set, s);
  return s;
}

export default defineRule({
  meta: {
    id: "timers/not-installable",
    family: "timers",
    severity: "warning",
    unitTypes: ["timer"],
    fixable: "unsafe",
    messages: {
      missing:
        "{timer} has no [Install] section: `systemctl enable` cannot enable it, so it never starts after a reboot unless udev or a unit on another host starts it; add WantedBy=timers.target if it should run on its own",
      target: "{timer} is installed into {target}; timers belong to timers.target, which is started early and orders them correctly",
    },
    docs: {
      summary: "A timer that `systemctl enable` cannot enable (no `[Install]`), or one installed into another target than `timers.target`.",
      rationale:
        "A timer only runs after a reboot if it is enabled, and enabling needs `[Install] WantedBy=`. `timers.target` is the place for timers: it is reached at boot before most services need them.",
      bad: { filename: "backup.timer", text: "[Timer]\nOnCalendar=daily\n" },
      good: { filename: "backup.timer", text: "[Timer]\nOnCalendar=daily\n\n[Install]\nWantedBy=timers.target\n" },
      fix:
        "Appends `[Install]` with `WantedBy=timers.target` to a timer that has no [Install] section. Unsafe: packaging (debhelper, RPM presets) enables every unit that has an `[Install]` section, so a timer that is meant to be started by udev or by another unit would then also run on its own schedule from boot. " +
        "Template timers, timers another unit of the checked set pulls in (`Wants=`, `Requires=`…) and systemd's own timers (linked into timers.target.wants by its build) are not reported.",
      reference: "systemd.timer(5), systemd.special(7) timers.target",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    // A template timer is started per instance by udev (SYSTEMD_WANTS=) or another unit (mdadm-last-resort@.timer);
    // systemd's own timers are linked into timers.target.wants by its build.
    if (!u.main || u.name.isInstance || u.name.isTemplate || LINKED.has(u.name.name)) return;
    const wanted = ["WantedBy", "RequiredBy", "UpheldBy", "Also", "Alias"].some((k) => u.list("Install", k).length > 0);
    if (!wanted && !(ctx.settings.enabledUnits ?? []).includes(u.name.name)) {
      // started by another unit of the set (Wants=, Requires=, ...): not meant to be enabled on its own
      if (pulledTimers(ctx.set).has(u.name.name)) return;
      // only the unit file itself can be told: a drop-in may add [Install] elsewhere
      if (u.dropins.some((d) => d.ast.sections.some((s) => s.name === "Install"))) return;
      const text = u.main.source.text;
      const end = text.length;
      const sep = text.endsWith("\n") ? "\n" : "\n\n";
      ctx.report({
        messageId: "missing",
        data: { timer: u.name.name },
        file: u.main,
        range: { start: 0, end: 0 },
        fix: {
          description: "Add [Install] WantedBy=timers.target",
          safe: false,
          edits: [{ start: end, end, text: `${sep}[Install]\nWantedBy=timers.target\n` }],
        },
      });
      return;
    }
    for (const a of u.list("Install", "WantedBy")) {
      for (const t of a.value.split(/\s+/).filter(Boolean)) {
        if (["multi-user.target", "default.target", "graphical.target", "basic.target"].includes(t))
          ctx.report({ messageId: "target", data: { timer: u.name.name, target: t }, file: a.file, range: a.entry.range, severity: "info" });
      }
    }
  },
});
