import { defineRule } from "../types.js";
import { type CalendarOptions, parseCalendar, parseTimespan } from "../../calendar/index.js";
import { zoneOptions } from "../calendar/zone-helper.js";
import { booleanSetting, sharedList } from "../loading/loading-helper.js";

/** The settings that share a timer's list of triggers (config_parse_timer: an empty one empties the list). */
const VALUE_KEYS = ["OnActiveSec", "OnBootSec", "OnStartupSec", "OnUnitActiveSec", "OnUnitInactiveSec", "OnCalendar"];

/** systemd ignores a trigger it cannot parse; one with specifiers is taken as given. */
function parses(key: string, value: string, zones: CalendarOptions): boolean {
  if (value.includes("%")) return true;
  return key === "OnCalendar" ? parseCalendar(value, zones).ok : parseTimespan(value).ok;
}

export default defineRule({
  meta: {
    id: "timers/missing-trigger",
    family: "timers",
    severity: "error",
    unitTypes: ["timer"],
    fixable: "none",
    messages: { none: "{timer} has no trigger ({keys}): systemd refuses to load it, so it never fires. Add e.g. OnCalendar=daily in [Timer]" },
    docs: {
      summary: "A timer without any `OnCalendar=`, `OnBootSec=`, `OnUnitActiveSec=`... setting.",
      rationale:
        'systemd refuses to load a timer with no trigger ("Timer unit lacks value setting"), so the job never runs. A misspelt `[timer]` section, an empty `OnCalendar=`/`On*Sec=` (which empties the list of all of them), triggers that do not parse (systemd ignores them), or `OnClockChange=no` alone lead here too.',
      bad: { filename: "backup.timer", text: "[Timer]\nPersistent=true\n\n[Install]\nWantedBy=timers.target\n" },
      good: { filename: "backup.timer", text: "[Timer]\nOnCalendar=daily\nPersistent=true\n\n[Install]\nWantedBy=timers.target\n" },
      reference: "systemd.timer(5)",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    if (!u.main) return; // a drop-in alone cannot tell
    // The run's zones: whether a spec's own zone exists is a question for the target's zone data (the local zone does not matter).
    const zones = zoneOptions(ctx.settings);
    if (sharedList(u, "Timer", VALUE_KEYS, (key, value) => parses(key, value, zones)).length > 0) return;
    if (booleanSetting(u, "Timer", "OnClockChange", false) || booleanSetting(u, "Timer", "OnTimezoneChange", false)) return;
    const timerSection = u.main.ast.sections.find((s) => s.name === "Timer" && !s.header.problem);
    ctx.report({
      messageId: "none",
      data: { timer: u.name.name, keys: "OnCalendar=, OnBootSec=, OnUnitActiveSec=..." },
      file: u.main,
      range: timerSection ? timerSection.header.range : { start: 0, end: 0 },
    });
  },
});
