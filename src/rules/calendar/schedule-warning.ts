import { lintCalendar } from "../../calendar/index.js";
import { valueSubRange } from "../../parser/unit/index.js";
import { defineRule } from "../types.js";
import { checkedEntries } from "../directives/entries-helper.js";
import { zoneOptions } from "./zone-helper.js";

export default defineRule({
  meta: {
    id: "calendar/schedule-warning",
    family: "calendar",
    severity: "warning",
    unitTypes: ["timer"],
    fixable: "none",
    options: {
      timezone: {
        type: "string",
        description:
          "The zone the timers run in (TZ of the target host), for the DST checks; default: the run's time zone (the machine's for `check`), else UTC.",
      },
    },
    messages: { warning: "OnCalendar={spec}: {message}" },
    docs: {
      summary:
        "An `OnCalendar=` schedule systemd accepts but that does not do what it says: it never elapses, falls into a DST gap or overlap, names an unknown zone, or lies fully in the past.",
      rationale:
        "systemd happily loads `OnCalendar=*-02-30` and the timer simply never fires; a daily 02:30 job in a zone with DST loses its run of the day once a year, and its run is repeated (systemd: fired once) once a year. These are silent until someone misses a backup. " +
        "DST changes are reported only where they cost a day its only run: a job that also runs at other times that day (`*:17`, every 15 minutes, `02,14:30`) loses or repeats one of many runs.",
      bad: { filename: "backup.timer", text: "[Timer]\nOnCalendar=*-02-30 03:00\n" },
      good: { filename: "backup.timer", text: "[Timer]\nOnCalendar=*-02-28 03:00\n" },
      reference: "systemd.time(7) Calendar Events",
    },
  },
  checkUnit(ctx) {
    for (const file of ctx.unit.files) {
      for (const { section, entry } of checkedEntries(file)) {
        if (section !== "Timer" || entry.key !== "OnCalendar" || entry.value === "") continue;
        const diags = lintCalendar(entry.value, {
          ...zoneOptions(ctx.settings, ctx.options.timezone),
          ...(ctx.settings.now !== undefined ? { now: ctx.settings.now * 1000 } : {}),
        });
        for (const d of diags) {
          if (d.severity !== "warning") continue;
          if (d.code === "date-in-past" && ctx.settings.now === undefined) continue;
          ctx.report({
            messageId: "warning",
            data: { spec: entry.value, message: d.message },
            file,
            range: valueSubRange(entry, d.range.start, Math.max(d.range.end, d.range.start + 1)),
          });
        }
      }
    }
  },
});
