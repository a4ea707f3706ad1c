/**
 * The terminal view of a schedule: one row per job with time on the horizontal
 * axis, then collisions, DST changes, jobs that never fire and the busiest
 * hour. Colour through a Palette (the caller decides: TTY, NO_COLOR, --color).
 */
import { formatTimespan } from "../calendar/index.js";
import { plain, type Palette } from "../format/colors.js";
import type { ScheduleJob, ScheduleModel, SilentReason } from "./model.js";
import { formatWall, hhmm, wallOf, WEEKDAYS } from "./time.js";

export interface TerminalOptions {
  /** Terminal width in columns (default 100). */
  width?: number;
  palette?: Palette;
}

const DAY = 86_400_000_000;
const HOUR = 3_600_000_000;

const SILENT_TEXT: Record<SilentReason, string> = {
  "never-elapses": "never elapses",
  past: "in the past",
  "after-window": "after the window",
  disabled: "disabled",
  "not-installable": "not installable",
  template: "template",
  invalid: "invalid schedule",
  "gives-up": "systemd gives up",
  "relative-only": "relative triggers only",
};

const spanText = (usec: number) => (usec >= Number.MAX_SAFE_INTEGER ? "infinity" : formatTimespan(BigInt(Math.round(usec))));

/** What a job is, in one line: its schedules and the settings that move its starts. */
export function jobSummary(job: ScheduleJob): string {
  const parts = job.specs.map((s) => (s.syntax === "calendar" ? `OnCalendar=${s.normalized ?? s.text}` : s.text));
  if (job.kind === "timer") {
    if (job.randomizedDelayUsec > 0) parts.push(`RandomizedDelaySec=${spanText(job.randomizedDelayUsec)}${job.fixedRandomDelay ? " (fixed per machine)" : ""}`);
    if (job.accuracyUsec !== 60_000_000) parts.push(`AccuracySec=${spanText(job.accuracyUsec)}`);
    if (job.persistent) parts.push("Persistent");
  }
  for (const r of job.relative) parts.push(`${r.key}=${r.value}`);
  return parts.join(", ");
}

export function whyText(model: ScheduleModel, job: ScheduleJob): string {
  const reason = job.silent ? SILENT_TEXT[job.silent] : "";
  const extra: string[] = [];
  if (job.why) extra.push(job.why);
  if (job.next !== undefined) extra.push(`next: ${formatWall(model.offsets, job.next)}`);
  if (job.last !== undefined) extra.push(`elapsed at ${formatWall(model.offsets, job.last)}`);
  if (job.wouldStart !== undefined) extra.push(`would start ${job.wouldStart}× in the window`);
  return extra.length ? `${reason}: ${extra.join("; ")}` : reason;
}

function pad(s: string, n: number): string {
  const len = [...s].length;
  return len >= n ? [...s].slice(0, n).join("") : s + " ".repeat(n - len);
}

/** Render the model for a terminal. */
export function renderTerminal(model: ScheduleModel, opts: TerminalOptions = {}): string {
  const c = opts.palette ?? plain;
  const width = Math.max(60, opts.width ?? 100);
  const shown = model.jobs.map((j, i) => ({ j, i })).filter(({ j }) => !j.silent || j.silent === "relative-only");
  const counts = new Array<number>(model.jobs.length).fill(0);
  for (const e of model.elapses) counts[e.job]!++;
  const labelW = Math.min(32, Math.max(8, ...shown.map(({ j }) => [...j.label].length)));
  const countW = 6;
  const barW = width - labelW - countW - 2; // label, space, bar, space, count
  const span = model.to - model.from;
  const col = (usec: number) => Math.min(barW - 1, Math.max(0, Math.floor(((usec - model.from) / span) * barW)));
  const out: string[] = [];
  const starts = model.elapses.length;
  out.push(
    c.bold(
      `Schedule ${formatWall(model.offsets, model.from, { seconds: false })} → ${formatWall(model.offsets, model.to, { seconds: false })} (${model.days} day${model.days === 1 ? "" : "s"}, ${model.zone})`,
    ),
  );
  out.push(
    `${model.jobs.length} job${model.jobs.length === 1 ? "" : "s"}, ${starts} start${starts === 1 ? "" : "s"}; ${c.green("│")} start, ${c.green("┃")} several starts in one column, ${c.yellow("─")} RandomizedDelaySec= window, ${c.red("┃")} collision`,
  );
  out.push("");

  // local midnights: the day ticks and the header
  const ticks: { col: number; label: string }[] = [];
  for (let t = model.from; t <= model.to + DAY; t += HOUR) {
    const w = wallOf(model.offsets, t);
    const midnight = t - (w.hour * 3600 + w.minute * 60 + w.second) * 1e6 - (t % 1e6);
    if (midnight <= model.from || midnight >= model.to) continue;
    const x = col(midnight);
    if (!ticks.some((k) => k.col === x)) {
      const mw = wallOf(model.offsets, midnight);
      ticks.push({ col: x, label: `${WEEKDAYS[mw.weekday]} ${mw.day}` });
    }
  }
  let header = "";
  for (const k of ticks) {
    if (k.col < header.length) continue;
    header = header.padEnd(k.col) + (k.col + k.label.length <= barW ? k.label + " " : "");
  }
  out.push(" ".repeat(labelW + 1) + c.dim(header.trimEnd()));

  const tickCols = new Set(ticks.map((k) => k.col));
  const collisionCols = new Set<string>();
  for (const g of model.collisions) for (const t of g.at) for (const j of g.jobs) collisionCols.add(`${j}:${col(t)}`);

  const byJob = new Map<number, typeof model.elapses>();
  for (const e of model.elapses) {
    let l = byJob.get(e.job);
    if (!l) byJob.set(e.job, (l = []));
    l.push(e);
  }
  for (const { j, i } of shown) {
    const cells = new Array<number>(barW).fill(0);
    const range = new Array<boolean>(barW).fill(false);
    for (const e of byJob.get(i) ?? []) {
      cells[col(e.usec)]!++;
      if (e.latestUsec !== undefined) for (let x = col(e.usec) + 1; x <= col(Math.min(e.latestUsec, model.to)); x++) range[x] = true;
    }
    let bar = "";
    if (j.silent === "relative-only") bar = c.dim(pad(`(relative) ${j.relative.map((r) => r.meaning).join("; ")}`, barW));
    else {
      for (let x = 0; x < barW; x++) {
        const n = cells[x]!;
        if (n > 0) {
          const ch = n > 1 ? "┃" : "│";
          bar += collisionCols.has(`${i}:${x}`) ? c.red(ch) : c.green(ch);
        } else if (range[x]) bar += c.yellow("─");
        else if (tickCols.has(x)) bar += c.dim("┊");
        else bar += " ";
      }
    }
    const label = [...j.label].length > labelW ? [...j.label].slice(0, labelW - 1).join("") + "…" : pad(j.label, labelW);
    out.push(`${label} ${bar} ${String(counts[i]).padStart(countW)}`);
  }
  if (shown.length === 0) out.push(c.dim("(no job fires in this window)"));

  const name = (i: number) => model.jobs[i]!.label;
  const relativeToo = model.jobs.filter((j) => j.relative.length > 0 && j.silent !== "relative-only" && !j.silent);
  if (relativeToo.length) {
    out.push("", c.bold("Relative triggers (not on the timeline)"));
    for (const j of relativeToo) for (const r of j.relative) out.push(`  ${j.label}: ${r.key}=${r.value} — ${r.meaning}`);
  }

  const missing = model.jobs.filter((j) => j.kind === "timer" && j.runsMissing && !j.silent);
  if (missing.length) {
    out.push("", c.bold("Timers whose unit is not among the files (it must exist on the host)"));
    for (const j of missing) out.push(`  ${j.label} → ${c.yellow(j.runs ?? "")}`);
  }

  out.push("", c.bold(`Collisions (same minute or within AccuracySec=)`) + (model.collisions.length ? "" : ": none"));
  const MAX = 20;
  for (const g of model.collisions.slice(0, MAX)) {
    const jobs = g.jobs.length > 8 ? `${g.jobs.slice(0, 8).map(name).join(" + ")} + ${g.jobs.length - 8} more` : g.jobs.map(name).join(" + ");
    out.push(`  ${c.red(jobs)}: ${g.at.length}× — first ${formatWall(model.offsets, g.at[0]!, { seconds: false })}`);
    const moves = g.stagger.map((s) => `start ${name(s.job)} ${s.minutes} min later`);
    out.push(
      `    stagger: ${moves.length ? moves.join(", ") + " (those minutes are free all week)" : "no free minute found"}; or add RandomizedDelaySec= to spread the load`,
    );
  }
  if (model.collisions.length > MAX) out.push(c.dim(`  … ${model.collisions.length - MAX} more groups (all of them in --format json or html)`));

  out.push("", c.bold("DST changes") + (model.dst.length ? "" : ": none in the window"));
  for (const d of model.dst) {
    const what =
      d.kind === "gap" ? `clocks jump forward: ${d.wallFrom}–${d.wallTo} does not exist` : `clocks fall back: ${d.wallFrom}–${d.wallTo} happens twice`;
    const w = wallOf(model.offsets, d.usec - 1);
    const old = d.kind === "gap" ? d.wallFrom : d.wallTo;
    const now = d.kind === "gap" ? d.wallTo : d.wallFrom;
    out.push(
      `  ${WEEKDAYS[w.weekday]} ${w.year}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")} ${old} ${d.fromAbbr} → ${now} ${d.toAbbr}: ${what}`,
    );
    for (const a of d.affected.slice(0, MAX)) out.push(`    ${c.yellow(name(a.job))}: ${a.detail}`);
    if (d.affected.length > MAX) out.push(c.dim(`    … ${d.affected.length - MAX} more jobs (all of them in --format json or html)`));
    if (d.affected.length === 0) out.push("    no job is affected");
  }

  const silent = model.jobs.filter((j) => j.silent && j.silent !== "relative-only");
  out.push("", c.bold("Never fires in this window") + (silent.length ? "" : ": every job fires"));
  for (const j of silent) out.push(`  ${c.yellow(j.label)} (${j.file}:${j.line}): ${whyText(model, j)}`);

  out.push("", c.bold("Busiest hour") + (model.busiest ? "" : ": nothing starts"));
  if (model.busiest) {
    const b = model.busiest;
    out.push(
      `  ${formatWall(model.offsets, b.start, { seconds: false })}–${hhmm(wallOf(model.offsets, b.start + HOUR))}: ${b.starts} start${b.starts === 1 ? "" : "s"} (${b.jobs} job${b.jobs === 1 ? "" : "s"})`,
    );
    const bars = " ▁▂▃▄▅▆▇█";
    const peak = Math.max(...model.perHourOfDay);
    const spark = model.perHourOfDay.map((n) => (n === 0 ? " " : bars[Math.max(1, Math.round((n / peak) * 8))]!)).join(" ");
    out.push(`  starts per hour of day: ${spark}`);
    out.push(
      `                          ${Array.from({ length: 24 }, (_, h) => (h % 3 === 0 ? String(h).padEnd(6) : ""))
        .join("")
        .trimEnd()}`,
    );
  }
  return out.join("\n") + "\n";
}
