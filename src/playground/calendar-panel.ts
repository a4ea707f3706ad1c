import { lintCalendar, nextCronRuns, nextElapses, parseCron } from "../calendar/index.js";
import type { PlaygroundState } from "./state.js";

const COUNT = 10;

/** Normalized form, next elapses and warnings of one spec (OnCalendar=, or a cron line), as text. */
function describeSchedule(spec: string, tz: string, base: Date = new Date()): string {
  const lines = [spec];
  const cal = nextElapses(spec, { tz, base, count: COUNT });
  if (cal.ok || cal.normalized) {
    lines.push(`  normalized: ${cal.normalized}`);
    if (cal.never) lines.push("  never elapses");
    for (const e of cal.elapses) lines.push(`  ${e.iso}`);
    if (cal.error) lines.push(`  ${cal.error}`);
  } else {
    const cron = parseCron(spec);
    if (cron.ok) {
      const runs = nextCronRuns(cron.cron, { tz, base, count: COUNT });
      lines.push("  cron expression");
      for (const e of runs.elapses) lines.push(`  ${e.iso}`);
    } else lines.push(`  invalid: ${cal.error}`);
  }
  for (const d of lintCalendar(spec, { tz })) if (d.severity === "warning" || d.code === "cron-expression") lines.push(`  ${d.severity}: ${d.message}`);
  return lines.join("\n");
}

/** The calendar box: the free spec and every OnCalendar= line of the unit. */
export function calendarPanel(state: PlaygroundState, out: HTMLElement): void {
  const specs = [state.calendar, ...[...state.text.matchAll(/^[ \t]*OnCalendar[ \t]*=(.*)$/gm)].map((m) => m[1]!.trim())].filter((s) => s.trim() !== "");
  out.replaceChildren();
  for (const spec of specs) {
    const pre = document.createElement("pre");
    pre.className = "calendar";
    pre.textContent = describeSchedule(spec, state.tz || "UTC");
    out.append(pre);
  }
}
