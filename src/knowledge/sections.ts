import type { UnitType } from "./unit-types.js";

/** The type-specific section of each unit type (systemd.unit(5)); target and device have none. */
export const TYPE_SECTION: Record<UnitType, string | null> = {
  service: "Service",
  socket: "Socket",
  target: null,
  timer: "Timer",
  path: "Path",
  mount: "Mount",
  automount: "Automount",
  swap: "Swap",
  slice: "Slice",
  scope: "Scope",
  device: null,
};

/** Sections systemd loads for a unit type; `[X-...]` sections are always accepted and ignored. */
export function sectionsFor(type: UnitType | null): string[] {
  if (!type) return ["Unit", "Install", ...Object.values(TYPE_SECTION).filter((s): s is string => s !== null)];
  const own = TYPE_SECTION[type];
  return own ? ["Unit", own, "Install"] : ["Unit", "Install"];
}

function isExtensionSection(name: string): boolean {
  return name.startsWith("X-");
}

export function isKnownSection(type: UnitType | null, name: string): boolean {
  return isExtensionSection(name) || sectionsFor(type).includes(name);
}
