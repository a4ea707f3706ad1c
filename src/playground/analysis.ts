import { maskSecrets } from "../model/secrets.js";
import type { Finding } from "../core/diagnostic.js";
import { assessUnit, type Assessment } from "../hardening/assess.js";
import { lintProject } from "../linter/project.js";
import type { Preset } from "../linter/severity.js";
import type { PlaygroundState } from "./state.js";

export interface Analysis {
  findings: Finding[];
  dropinFindings: Finding[];
  /** Effective settings after the drop-in, as `[Section] Key=Value` lines. */
  effective: string[];
  /**
   * The exposure score of the unit with the drop-in applied, as
   * `systemd-analyze security --offline=true` computes it; null for unit types
   * without an execution context (timers, targets, paths…).
   */
  exposure: Assessment | null;
  /** Set when the hardening engine failed on this input (the rest of the analysis still stands). */
  exposureError?: string;
  millis: number;
}

export const DROPIN_NAME = "override.conf";

/** Lint the unit (and its drop-in) with the playground's options; pure and synchronous. */
export function analyse(state: PlaygroundState, now: () => number = () => performance.now()): Analysis {
  const t0 = now();
  const filename = state.filename.trim() || "app.service";
  const sources = [{ path: filename, text: state.text }];
  if (state.dropin.trim()) sources.push({ path: `${filename}.d/${DROPIN_NAME}`, text: state.dropin });
  const targets = state.targetSystemd
    .split(",")
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
  const presets: Preset[] = state.preset === "recommended" ? ["recommended"] : ["recommended", state.preset];
  const { findings, set } = lintProject(sources, { presets, settings: { mode: state.mode, targetSystemd: targets } });
  const unit = set.byName.get(filename) ?? set.units[0];
  const effective: string[] = [];
  let exposure: Assessment | null = null;
  let exposureError: string | undefined;
  if (unit?.main) {
    try {
      exposure = assessUnit(unit);
    } catch (e) {
      exposureError = e instanceof Error ? e.message : String(e);
    }
  }
  if (unit) {
    const seen = new Set<string>();
    for (const a of unit.assignments) seen.add(`${a.section}\u0000${a.key}`);
    for (const k of seen) {
      const [section, key] = k.split("\u0000") as [string, string];
      const all = unit.all(section, key);
      const list = unit.list(section, key);
      const shown = list.length > 1 ? list : all.slice(-1);
      // The value masked as in code frames (Environment= and SetCredential= secrets as `*`).
      for (const a of shown)
        if (a.value !== "") effective.push(`[${section}] ${maskSecrets(`${key}=${a.value}`)}${a.file.kind === "dropin" ? "   (drop-in)" : ""}`);
    }
  }
  return {
    findings: findings.filter((f) => f.file === filename),
    dropinFindings: findings.filter((f) => f.file !== filename),
    effective,
    exposure,
    exposureError,
    millis: now() - t0,
  };
}
