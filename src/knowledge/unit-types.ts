/** Unit types by file suffix (systemd.unit(5)). */
export const UNIT_TYPES = ["service", "socket", "target", "timer", "path", "mount", "automount", "swap", "slice", "scope", "device"] as const;
export type UnitType = (typeof UNIT_TYPES)[number];
