import type { SeverityOrOff } from "../core/diagnostic.js";
import type { RuleMeta } from "../rules/types.js";

export type Preset = "recommended" | "strict" | "hardening";
export const PRESETS: Preset[] = ["recommended", "strict", "hardening"];

/** Severity of a rule under a preset and explicit per-rule settings (explicit wins). */
export function effectiveSeverity(meta: RuleMeta, presets: Preset[], overrides: Record<string, SeverityOrOff>): SeverityOrOff {
  const explicit = overrides[meta.id];
  if (explicit) return explicit;
  if (meta.severity !== "off") return meta.severity;
  for (const p of presets) {
    if (p !== "recommended" && meta.presets?.includes(p)) return p === "hardening" ? "warning" : "info";
  }
  return "off";
}
