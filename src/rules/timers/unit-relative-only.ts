import type { EffectiveUnit } from "../../model/effective-unit.js";
import { resolveUnit, type UnitSet } from "../../model/unit-set.js";
import { defineRule } from "../types.js";
import { TRIGGER_KEYS, triggeredUnitName } from "./timer-helper.js";

const RELATIVE = ["OnUnitActiveSec", "OnUnitInactiveSec"];
const PULLS = ["Wants", "Requires", "Requisite", "BindsTo", "Upholds", "OnFailure", "OnSuccess"];

/** Unit name → the units of the set that pull it in (Wants=, Requires=, …), built once per set. */
const cache = new WeakMap<UnitSet, Map<string, EffectiveUnit[]>>();

function pulledBy(set: UnitSet): Map<string, EffectiveUnit[]> {
  let m = cache.get(set);
  if (m) return m;
  m = new Map();
  for (const o of set.units) {
    for (const k of PULLS) {
      for (const a of o.list("Unit", k)) {
        for (const w of a.value.split(/\s+/)) {
          if (!w) continue;
          const l = m.get(w);
          if (l) l.push(o);
          else m.set(w, [o]);
        }
      }
    }
  }
  cache.set(set, m);
  return m;
}

export default defineRule({
  meta: {
    id: "timers/unit-relative-only",
    family: "timers",
    severity: "warning",
    unitTypes: ["timer"],
    fixable: "none",
    messages: {
      never:
        "{timer} only has {key}=, which counts from the last time {service} was activated (or deactivated): until something else starts {service} once, the timer never elapses. Add OnBootSec= (or OnActiveSec=, counted from the timer's start) beside it, e.g. OnBootSec={value}",
    },
    docs: {
      summary: "A timer whose only triggers are `OnUnitActiveSec=`/`OnUnitInactiveSec=`, for a service nothing else starts.",
      rationale:
        "`OnUnitActiveSec=` and `OnUnitInactiveSec=` are relative to the last activation (deactivation) of the unit the timer starts. A service that has never run has no such time, so the timer has nothing to count from and never elapses: `systemctl list-timers` shows `n/a`, and the job waits for a first start that never comes. " +
        "The usual pattern pairs it with a first trigger: `OnBootSec=15min` plus `OnUnitActiveSec=1d` (as systemd-tmpfiles-clean.timer does). No finding when the service is enabled itself (`[Install]`), another unit of the set pulls it in, or a socket or path unit of the same name activates it.",
      bad: {
        filename: "sync.timer",
        text: "[Timer]\nOnUnitActiveSec=1h\n\n[Install]\nWantedBy=timers.target\n",
        extra: [{ filename: "sync.service", text: "[Service]\nType=oneshot\nExecStart=/usr/bin/sync-data\n" }],
      },
      good: {
        filename: "sync.timer",
        text: "[Timer]\nOnBootSec=5min\nOnUnitActiveSec=1h\n\n[Install]\nWantedBy=timers.target\n",
        extra: [{ filename: "sync.service", text: "[Service]\nType=oneshot\nExecStart=/usr/bin/sync-data\n" }],
      },
      reference: "systemd.timer(5) OnUnitActiveSec=",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    if (!u.main) return;
    const used = TRIGGER_KEYS.filter((k) => u.list("Timer", k).some((a) => a.value !== ""));
    if (used.length === 0 || !used.every((k) => RELATIVE.includes(k))) return;
    const serviceName = triggeredUnitName(u);
    const service = resolveUnit(ctx.set, serviceName);
    // the service gets its first start elsewhere: enabled itself, or pulled in by another unit of the set
    if (service && ["WantedBy", "RequiredBy", "UpheldBy"].some((k) => service.list("Install", k).length > 0)) return;
    if (
      pulledBy(ctx.set)
        .get(serviceName)
        ?.some((o) => o !== u && o !== service)
    )
      return;
    // socket- or path-activated: the socket or path unit of the same name starts it
    const stem = serviceName.replace(/\.[^.]+$/, "");
    if (resolveUnit(ctx.set, `${stem}.socket`) || resolveUnit(ctx.set, `${stem}.path`)) return;
    const a = u.list("Timer", used[0]!).find((x) => x.value !== "")!;
    ctx.report({
      messageId: "never",
      data: { timer: u.name.name, key: used[0]!, service: serviceName, value: a.value.trim() },
      file: a.file,
      range: a.entry.range,
    });
  },
});
