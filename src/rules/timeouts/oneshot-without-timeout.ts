import type { EffectiveUnit } from "../../model/effective-unit.js";
import type { UnitSet } from "../../model/unit-set.js";
import { defineRule } from "../types.js";

const cache = new WeakMap<UnitSet, Map<string, EffectiveUnit>>();

/** Timers of the set by the service they start (computed once per set). */
function timersByService(set: UnitSet): Map<string, EffectiveUnit> {
  let m = cache.get(set);
  if (!m) {
    m = new Map();
    for (const t of set.units) if (t.type === "timer") m.set(t.get("Timer", "Unit") ?? `${t.name.stem}.service`, t);
    cache.set(set, m);
  }
  return m;
}

export default defineRule({
  meta: {
    id: "timeouts/oneshot-without-timeout",
    family: "timeouts",
    severity: "warning",
    unitTypes: ["service"],
    fixable: "none",
    messages: {
      none: "Type=oneshot has no start timeout by default: if {unit} hangs it runs forever{timer}. Set TimeoutStartSec= (or RuntimeMaxSec=) to the longest run you accept",
    },
    docs: {
      summary: "A `Type=oneshot` service started by a timer, without `TimeoutStartSec=` or `RuntimeMaxSec=`.",
      rationale:
        'For oneshot services systemd disables the start timeout. A backup stuck on a dead NFS mount stays "activating" forever, and its timer never starts it again — the job silently stops running.',
      bad: {
        filename: "backup.service",
        text: "[Service]\nType=oneshot\nExecStart=/usr/local/bin/backup\n",
        extra: [{ filename: "backup.timer", text: "[Timer]\nOnCalendar=daily\n" }],
      },
      good: {
        filename: "backup.service",
        text: "[Service]\nType=oneshot\nExecStart=/usr/local/bin/backup\nTimeoutStartSec=2h\n",
        extra: [{ filename: "backup.timer", text: "[Timer]\nOnCalendar=daily\n" }],
      },
      reference: "systemd.service(5) TimeoutStartSec=",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    if (!u.main || (u.get("Service", "Type") ?? "simple") !== "oneshot") return;
    if (["TimeoutStartSec", "TimeoutSec", "RuntimeMaxSec"].some((k) => u.get("Service", k) !== undefined)) return;
    // Only jobs started by a timer of the set: boot-time oneshots are usually short and watched.
    const timer = timersByService(ctx.set).get(u.name.name);
    if (!timer) return;
    const type = u.last("Service", "Type")!;
    ctx.report({
      messageId: "none",
      data: { unit: u.name.name, timer: ` and ${timer.name.name} never starts it again` },
      file: type.file,
      range: type.entry.range,
    });
  },
});
