import { formatExposure, type Assessment, type Rating } from "../hardening/assess.js";
import { sortChecks, type BaselineChange } from "../hardening/report.js";
import type { Palette } from "./colors.js";
import { displayName } from "./escape.js";

// How `unitlint security` prints an assessment (src/hardening computes it; this only lays it out).

function ratingColor(rating: Rating, p: Palette): (s: string) => string {
  if (rating === "DANGEROUS" || rating === "UNSAFE") return p.red;
  if (rating === "EXPOSED") return p.yellow;
  if (rating === "MEDIUM") return (s) => s;
  return p.green;
}

const GLYPH: Record<Rating, string> = { DANGEROUS: "😵", UNSAFE: "😨", EXPOSED: "🙁", MEDIUM: "😐", OK: "🙂", SAFE: "😀", PERFECT: "🤩" };

/** The per-check table and the overall line, laid out like systemd-analyze security. */
export function formatTable(a: Assessment, p: Palette, opts: { onlyExposed?: boolean } = {}): string {
  const rows = sortChecks(a.checks).filter((c) => !opts.onlyExposed || (c.badness ?? 0) > 0);
  const nameW = Math.max(4, ...rows.map((r) => r.check.id.length));
  const descW = Math.max(11, ...rows.map((r) => r.description.length));
  const lines = [`  ${"NAME".padEnd(nameW)}  ${"DESCRIPTION".padEnd(descW)}  EXPOSURE`];
  for (const r of rows) {
    const mark = r.badness === null ? " " : r.badness === 0 ? p.green("✓") : p.red("✗");
    const exp = r.exposure === null ? "" : formatExposure(r.exposure);
    lines.push(`${mark} ${r.check.id.padEnd(nameW)}  ${r.description.padEnd(descW)}  ${exp.padStart(8)}`.trimEnd());
  }
  const color = ratingColor(a.rating, p);
  lines.push("", `→ Overall exposure level for ${p.bold(displayName(a.unit))}: ${color(`${formatExposure(a.exposure)} ${a.rating}`)} ${GLYPH[a.rating]}`);
  return lines.join("\n") + "\n";
}

export function formatBaseline(changes: BaselineChange[], p: Palette): string {
  const lines: string[] = [];
  for (const c of changes) {
    const unit = displayName(c.unit);
    if (c.before === null) lines.push(`${unit}: new, exposure ${c.after!.toFixed(1)}`);
    else if (c.after === null) lines.push(`${unit}: gone (was ${c.before.toFixed(1)})`);
    else {
      const d = Math.round((c.after - c.before) * 10) / 10;
      const delta = d === 0 ? "unchanged" : d < 0 ? p.green(`better by ${(-d).toFixed(1)}`) : p.red(`worse by ${d.toFixed(1)}`);
      lines.push(`${unit}: ${c.before.toFixed(1)} → ${c.after.toFixed(1)} (${delta})`);
    }
    if (c.better.length) lines.push(`  better: ${c.better.join(", ")}`);
    if (c.worse.length) lines.push(`  worse:  ${c.worse.join(", ")}`);
  }
  return lines.join("\n") + (lines.length ? "\n" : "");
}
