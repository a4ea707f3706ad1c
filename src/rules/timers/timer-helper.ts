import type { EffectiveUnit } from "../../model/effective-unit.js";

/** The unit a timer starts: `Unit=`, else the service of the same name (systemd.timer(5)). */
export function triggeredUnitName(timer: EffectiveUnit): string {
  const explicit = timer.get("Timer", "Unit");
  if (explicit) return explicit;
  const n = timer.name;
  return `${n.stem}.service`;
}

export const TRIGGER_KEYS = [
  "OnActiveSec",
  "OnBootSec",
  "OnStartupSec",
  "OnUnitActiveSec",
  "OnUnitInactiveSec",
  "OnCalendar",
  "OnClockChange",
  "OnTimezoneChange",
];
