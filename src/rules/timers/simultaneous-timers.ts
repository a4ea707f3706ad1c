import { nextElapses, parseTimespan } from "../../calendar/index.js";
import { defineRule } from "../types.js";
import { zoneOptions } from "../calendar/zone-helper.js";

/**
 * systemd places each elapse at a host-specific point inside the AccuracySec=
 * window (systemd.timer(5)); a window wider than the default minute already
 * spreads the timer out.
 */
function widerThanDefaultAccuracy(value: string | undefined): boolean {
  if (!value) return false;
  const t = parseTimespan(value);
  return t.ok && (t.infinity || Number(t.usec) > 60_000_000);
}

export default defineRule({
  meta: {
    id: "timers/simultaneous-timers",
    family: "timers",
    severity: "info",
    fixable: "none",
    messages: {
      same: "{timer} fires at the same instants as {other} (e.g. {when}); stagger them or add RandomizedDelaySec= to spread the load",
    },
    docs: {
      summary: "Timers of the set whose `OnCalendar=` schedules elapse at the same instant.",
      rationale:
        "Jobs that all start at :00 compete for CPU, disk and the network (and for the same remote API). A few minutes' offset or RandomizedDelaySec= spreads them out.",
      bad: { filename: "a.timer", text: "[Timer]\nOnCalendar=hourly\n", extra: [{ filename: "b.timer", text: "[Timer]\nOnCalendar=*-*-* *:00:00\n" }] },
      good: { filename: "a.timer", text: "[Timer]\nOnCalendar=hourly\n", extra: [{ filename: "b.timer", text: "[Timer]\nOnCalendar=*-*-* *:30:00\n" }] },
      reference: "systemd.timer(5) RandomizedDelaySec=",
    },
  },
  checkSet(ctx) {
    const base = new Date(ctx.settings.now ?? Date.UTC(2026, 0, 5));
    const timers = ctx.set.units
      .filter(
        (u) => u.type === "timer" && u.main && u.get("Timer", "RandomizedDelaySec") === undefined && !widerThanDefaultAccuracy(u.get("Timer", "AccuracySec")),
      )
      .flatMap((u) =>
        u
          .list("Timer", "OnCalendar")
          .map((a) => ({ u, a, at: new Set(nextElapses(a.value, { ...zoneOptions(ctx.settings), base, count: 48 }).elapses.map((e) => e.usec)) })),
      )
      .filter((t) => t.at.size > 0);
    const reported = new Set<string>();
    for (let i = 0; i < timers.length; i++) {
      for (let j = i + 1; j < timers.length; j++) {
        const x = timers[i]!;
        const y = timers[j]!;
        // the same timer twice (a copy in another folder of the run) is not a collision
        if (x.u.name.name === y.u.name.name || reported.has(y.u.name.name)) continue;
        const common = [...y.at].filter((t) => x.at.has(t));
        // Only a real collision: most of the later timer's elapses coincide.
        if (common.length < Math.max(2, Math.ceil(y.at.size / 2))) continue;
        reported.add(y.u.name.name);
        ctx.report({
          messageId: "same",
          data: { timer: y.u.name.name, other: x.u.name.name, when: new Date(common[0]! / 1000).toISOString().replace(".000Z", "Z") },
          file: y.a.file,
          range: y.a.entry.range,
          related: [{ file: x.a.file, range: x.a.entry.range, message: `${x.u.name.name}: OnCalendar=${x.a.value}` }],
        });
      }
    }
  },
});
