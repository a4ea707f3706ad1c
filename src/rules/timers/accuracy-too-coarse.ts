import { nextElapses, parseTimespan } from "../../calendar/index.js";
import { defineRule } from "../types.js";
import { zoneOptions } from "../calendar/zone-helper.js";

const DEFAULT_ACCURACY_USEC = 60_000_000; // AccuracySec= defaults to 1min (systemd.timer(5))

export default defineRule({
  meta: {
    id: "timers/accuracy-too-coarse",
    family: "timers",
    severity: "warning",
    unitTypes: ["timer"],
    fixable: "none",
    messages: {
      coarse:
        "OnCalendar={spec} fires every {interval}, but AccuracySec={accuracy}{dflt} lets systemd delay each elapse by up to that much: runs drift and merge. Set AccuracySec= below the interval (e.g. 1s)",
    },
    docs: {
      summary: "A schedule finer than the timer's accuracy (`AccuracySec=`, 1min by default), e.g. every 10 seconds.",
      rationale:
        "systemd coalesces timer wake-ups within the accuracy window to save power. With a schedule more frequent than the window, elapses are delayed and several land together.",
      bad: { filename: "poll.timer", text: "[Timer]\nOnCalendar=*:*:0/10\n" },
      good: { filename: "poll.timer", text: "[Timer]\nOnCalendar=*:*:0/10\nAccuracySec=1s\n" },
      reference: "systemd.timer(5) AccuracySec=",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    const acc = u.last("Timer", "AccuracySec");
    let accuracy = DEFAULT_ACCURACY_USEC;
    if (acc && acc.value !== "") {
      const t = parseTimespan(acc.value);
      if (!t.ok || t.infinity) return;
      accuracy = Number(t.usec);
    }
    // A fixed base keeps the rule pure; the interval of a calendar spec barely depends on it.
    const base = ctx.settings.now ?? Date.UTC(2026, 0, 5);
    for (const a of u.list("Timer", "OnCalendar")) {
      const r = nextElapses(a.value, { ...zoneOptions(ctx.settings), base: new Date(base), count: 12 });
      if (!r.ok || r.elapses.length < 3) continue;
      let min = Infinity;
      for (let i = 1; i < r.elapses.length; i++) min = Math.min(min, r.elapses[i]!.usec - r.elapses[i - 1]!.usec);
      if (min >= accuracy) continue;
      const fmt = (us: number) => (us % 60_000_000 === 0 ? `${us / 60_000_000}min` : `${us / 1_000_000}s`);
      ctx.report({
        messageId: "coarse",
        data: { spec: a.value, interval: fmt(min), accuracy: acc?.value || fmt(accuracy), dflt: acc ? "" : " (the default)" },
        file: a.file,
        range: a.entry.range,
      });
    }
  },
});
