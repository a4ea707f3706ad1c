import type { UnitSet } from "../../model/unit-set.js";
import { defineRule } from "../types.js";
import { isUserUnitPath } from "../install/system-target-in-user-unit.js";

/**
 * Passive targets that the *consumer* must pull in (systemd.special(7)). Not
 * nss-lookup.target, time-set.target or time-sync.target: for those the man
 * page says consumers "should be ordered after this target, but not pull it
 * in" — their providers pull them in.
 */
const PASSIVE = new Set(["network-online.target"]);

const pulledCache = new WeakMap<UnitSet, Set<string>>();

/** Every unit some unit of the set Wants=/Requires=/BindsTo=/Requisite= (computed once per set). */
function pulledIn(set: UnitSet): Set<string> {
  let s = pulledCache.get(set);
  if (!s) {
    s = new Set(set.units.flatMap((x) => ["Wants", "Requires", "BindsTo", "Requisite"].flatMap((k) => x.list("Unit", k).flatMap((a) => a.value.split(/\s+/)))));
    pulledCache.set(set, s);
  }
  return s;
}

export default defineRule({
  meta: {
    id: "dependencies/after-without-wants",
    family: "dependencies",
    severity: "warning",
    fixable: "safe",
    messages: {
      orderOnly: "After={target} only orders; without Wants={target} (or Requires=) nothing pulls the target in, so the unit may start before {what}",
      userUnit: "After={target} in a user unit has no effect: {target} belongs to the system manager, which user units cannot order against",
    },
    docs: {
      summary: "`After=network-online.target` (or another passive target) without `Wants=` of it.",
      rationale:
        "After= is ordering only. network-online.target is passive: unless some unit wants it, it is never started, and ordering after a target that is not started does nothing — the service starts before the network is up.",
      bad: { filename: "app.service", text: "[Unit]\nAfter=network-online.target\n\n[Service]\nExecStart=/usr/bin/app\n" },
      good: { filename: "app.service", text: "[Unit]\nAfter=network-online.target\nWants=network-online.target\n\n[Service]\nExecStart=/usr/bin/app\n" },
      fix: "Adds `Wants=<target>` right after the After= line: it makes the ordering mean what it says, and a Wants= on a target that is already started changes nothing else.",
      reference: "systemd.special(7) network-online.target",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    const user = ctx.settings.mode === "user" || u.files.some((f) => isUserUnitPath(f.path));
    // Pulled in by this unit, or by any unit of the set (a target's members often do it for the group).
    const pulled = pulledIn(ctx.set);
    for (const a of u.list("Unit", "After")) {
      for (const target of a.value.split(/\s+/)) {
        if (!PASSIVE.has(target)) continue;
        if (user) {
          ctx.report({ messageId: "userUnit", data: { target }, file: a.file, range: a.entry.range });
          continue;
        }
        if (pulled.has(target)) continue;
        const eol = a.entry.range.end;
        ctx.report({
          messageId: "orderOnly",
          data: { target, what: target === "network-online.target" ? "the network is up" : target.replace(".target", "") },
          file: a.file,
          range: a.entry.range,
          fix: { description: `Add Wants=${target}`, safe: true, edits: [{ start: eol, end: eol, text: `\nWants=${target}` }] },
        });
      }
    }
  },
});
