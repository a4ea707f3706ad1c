/**
 * `--format html`: one self-contained page (inline CSS and SVG, no script, no
 * external assets) with the timeline and the same sections as the terminal
 * view; fit for a CI artifact. Marks are binned per pixel column, so a job
 * that fires every minute costs at most one mark per column.
 */
import type { ScheduleModel } from "./model.js";
import { jobSummary, whyText } from "./render-terminal.js";
import { formatWall, hhmm, wallOf, WEEKDAYS } from "./time.js";

const HOUR = 3_600_000_000;
const DAY = 24 * HOUR;

export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const CSS = `
:root{color-scheme:light dark;--fg:#1b1f24;--bg:#fff;--muted:#6b7280;--grid:#e5e7eb;--start:#15803d;--hit:#dc2626;--range:#f59e0b;--row:#f8fafc}
@media (prefers-color-scheme:dark){:root{--fg:#e5e7eb;--bg:#111418;--muted:#9ca3af;--grid:#2b313a;--start:#4ade80;--hit:#f87171;--range:#fbbf24;--row:#171b21}}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);margin:1.5rem auto;max-width:1400px;padding:0 1rem}
h1{font-size:1.35rem;margin:0 0 .25rem}h2{font-size:1.1rem;margin:1.75rem 0 .5rem}
.muted{color:var(--muted)}code{font:12.5px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
svg{width:100%;height:auto;display:block}svg text{fill:var(--fg);font:12px system-ui,sans-serif}svg .day{fill:var(--muted)}
.grid{stroke:var(--grid)}.rowbg{fill:var(--row)}.s{stroke:var(--start);stroke-width:1.2}.hit{stroke:var(--hit);stroke-width:1.2}.m{stroke-width:2}.rng{fill:var(--range);opacity:.45}.rel{fill:var(--muted);font-style:italic}
.bar{fill:var(--start)}.peak{fill:var(--hit)}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.3rem .5rem;border-bottom:1px solid var(--grid);vertical-align:top;overflow-wrap:anywhere}th{white-space:nowrap}
.legend span{display:inline-block;margin-right:1.2rem}.sw{display:inline-block;width:14px;height:10px;margin-right:.3rem;vertical-align:middle}
`;

export function renderHtml(model: ScheduleModel): string {
  const e = escapeHtml;
  const when = (u: number, seconds = false) => e(formatWall(model.offsets, u, { seconds }));
  const counts = new Array<number>(model.jobs.length).fill(0);
  for (const x of model.elapses) counts[x.job]!++;
  const rows = model.jobs.map((j, i) => ({ j, i })).filter(({ j }) => !j.silent || j.silent === "relative-only");

  // the timeline
  const labelW = 260;
  const barW = 1000;
  const rowH = 18;
  const top = 22;
  const W = labelW + barW + 60;
  const H = top + rows.length * rowH + 6;
  const span = model.to - model.from;
  const x = (u: number) => labelW + Math.min(barW - 1, Math.max(0, Math.floor(((u - model.from) / span) * barW)));
  const svg: string[] = [`<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="timeline of ${rows.length} jobs" xmlns="http://www.w3.org/2000/svg">`];
  rows.forEach((_, r) => {
    if (r % 2 === 0) svg.push(`<rect class="rowbg" x="0" y="${top + r * rowH}" width="${W}" height="${rowH}"/>`);
  });
  for (let t = model.from; t <= model.to + DAY; t += HOUR) {
    const w = wallOf(model.offsets, t);
    const midnight = t - (w.hour * 3600 + w.minute * 60 + w.second) * 1e6 - (t % 1e6);
    if (midnight <= model.from || midnight >= model.to || w.hour !== 0) continue;
    const mx = x(midnight);
    const mw = wallOf(model.offsets, midnight);
    svg.push(
      `<line class="grid" x1="${mx}" y1="${top - 4}" x2="${mx}" y2="${H}"/><text class="day" x="${mx + 3}" y="${top - 8}">${WEEKDAYS[mw.weekday]} ${mw.month}-${mw.day}</text>`,
    );
  }
  const hits = new Set<string>();
  for (const g of model.collisions) for (const t of g.at) for (const j of g.jobs) hits.add(`${j}:${x(t)}`);
  const byJob = new Map<number, typeof model.elapses>();
  for (const el of model.elapses) {
    let l = byJob.get(el.job);
    if (!l) byJob.set(el.job, (l = []));
    l.push(el);
  }
  rows.forEach(({ j, i }, r) => {
    const y = top + r * rowH;
    svg.push(
      `<g><title>${e(`${j.file}:${j.line} — ${jobSummary(j)}`)}</title><text class="label" x="4" y="${y + 13}">${e(j.label.length > 38 ? j.label.slice(0, 37) + "…" : j.label)}</text></g>`,
    );
    svg.push(`<text x="${labelW + barW + 8}" y="${y + 13}">${counts[i]}</text>`);
    if (j.silent === "relative-only") {
      svg.push(`<text class="rel" x="${labelW + 4}" y="${y + 13}">relative: ${e(j.relative.map((q) => q.meaning).join("; "))}</text>`);
      return;
    }
    const cols = new Map<number, { n: number; first: number }>();
    for (const el of byJob.get(i) ?? []) {
      if (el.latestUsec !== undefined) {
        const x1 = x(el.usec);
        const x2 = x(Math.min(el.latestUsec, model.to));
        if (x2 > x1) svg.push(`<rect class="rng" x="${x1}" y="${y + 5}" width="${x2 - x1}" height="${rowH - 10}"/>`);
      }
      const c = cols.get(x(el.usec));
      if (c) c.n++;
      else cols.set(x(el.usec), { n: 1, first: el.usec });
    }
    // a line with a tooltip per mark on rows with few marks; a busy row (hourly...) is one path per kind of mark,
    // or the page of a big folder would be megabytes
    const cls = (cx: number, n: number) => (hits.has(`${i}:${cx}`) ? "hit" : "s") + (n > 1 ? " m" : "");
    if (cols.size <= 60) {
      for (const [cx, c] of cols) {
        const tip = `<title>${e(`${j.label}: ${formatWall(model.offsets, c.first)}${c.n > 1 ? ` (+${c.n - 1} more in this column)` : ""}`)}</title>`;
        svg.push(`<line class="${cls(cx, c.n)}" x1="${cx + 0.5}" y1="${y + 3}" x2="${cx + 0.5}" y2="${y + rowH - 3}">${tip}</line>`);
      }
    } else {
      const paths = new Map<string, string>();
      for (const [cx, c] of cols) {
        const k = cls(cx, c.n);
        paths.set(k, (paths.get(k) ?? "") + `M${cx + 0.5} ${y + 3}v${rowH - 6}`);
      }
      for (const [k, d] of paths) svg.push(`<path class="${k}" d="${d}"/>`);
    }
  });
  svg.push("</svg>");

  const out: string[] = [];
  out.push(
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>unitlint schedule: ${when(model.from)} → ${when(model.to)}</title><style>${CSS}</style></head><body>`,
  );
  out.push(`<h1>Schedule ${when(model.from)} → ${when(model.to)}</h1>`);
  out.push(
    `<p class="muted">${model.days} day${model.days === 1 ? "" : "s"}, zone ${e(model.zone)}; ${model.jobs.length} jobs, ${model.elapses.length} starts. Computed by unitlint's calendar engine, the same instants as <code>systemd-analyze calendar</code>.</p>`,
  );
  out.push(
    `<p class="legend"><span><i class="sw" style="background:var(--start)"></i>start</span><span><i class="sw" style="background:var(--hit)"></i>collision</span><span><i class="sw" style="background:var(--range);opacity:.6"></i>RandomizedDelaySec= window</span></p>`,
  );
  out.push(rows.length ? svg.join("") : `<p class="muted">No job fires in this window.</p>`);

  const name = (i: number) => e(model.jobs[i]!.label);
  out.push(`<h2>Collisions</h2>`);
  if (model.collisions.length === 0) out.push(`<p class="muted">None: no two jobs start in the same minute or within each other's AccuracySec=.</p>`);
  else {
    out.push(`<div class="scroll"><table><tr><th>Jobs</th><th>Times</th><th>First</th><th>Stagger suggestion</th></tr>`);
    for (const g of model.collisions) {
      const moves = g.stagger.map((s) => `start ${name(s.job)} ${s.minutes} min later`).join(", ");
      out.push(
        `<tr><td>${g.jobs.map(name).join(" + ")}</td><td>${g.at.length}×</td><td>${when(g.at[0]!)}</td><td>${moves ? moves + " (free minutes all window)" : "no free minute found"}; or add RandomizedDelaySec=</td></tr>`,
      );
    }
    out.push(`</table></div>`);
  }

  out.push(`<h2>DST changes</h2>`);
  if (model.dst.length === 0) out.push(`<p class="muted">None in the window.</p>`);
  for (const d of model.dst) {
    const w = wallOf(model.offsets, d.usec - 1);
    const what =
      d.kind === "gap" ? `clocks jump forward, ${d.wallFrom}–${d.wallTo} does not exist` : `clocks fall back, ${d.wallFrom}–${d.wallTo} happens twice`;
    const old = d.kind === "gap" ? d.wallFrom : d.wallTo;
    const now = d.kind === "gap" ? d.wallTo : d.wallFrom;
    out.push(
      `<p><b>${WEEKDAYS[w.weekday]} ${w.year}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}</b> ${old} ${e(d.fromAbbr)} → ${now} ${e(d.toAbbr)}: ${e(what)}</p>`,
    );
    if (d.affected.length) out.push(`<ul>${d.affected.map((a) => `<li>${name(a.job)}: ${e(a.detail)}</li>`).join("")}</ul>`);
    else out.push(`<p class="muted">No job is affected.</p>`);
  }

  const silent = model.jobs.filter((j) => j.silent && j.silent !== "relative-only");
  out.push(`<h2>Never fires in this window</h2>`);
  if (silent.length === 0) out.push(`<p class="muted">Every job fires.</p>`);
  else
    out.push(
      `<div class="scroll"><table><tr><th>Job</th><th>File</th><th>Why</th></tr>${silent.map((j) => `<tr><td>${e(j.label)}</td><td><code>${e(`${j.file}:${j.line}`)}</code></td><td>${e(whyText(model, j))}</td></tr>`).join("")}</table></div>`,
    );

  out.push(`<h2>Busiest hour</h2>`);
  if (!model.busiest) out.push(`<p class="muted">Nothing starts.</p>`);
  else {
    const b = model.busiest;
    out.push(`<p>${when(b.start)}–${e(hhmm(wallOf(model.offsets, b.start + HOUR)))}: <b>${b.starts}</b> starts (${b.jobs} jobs)</p>`);
    const peak = Math.max(...model.perHourOfDay, 1);
    const bars = model.perHourOfDay.map((n, h) => {
      const bh = Math.round((n / peak) * 80);
      return `<rect class="${n === peak ? "peak" : "bar"}" x="${h * 30 + 4}" y="${90 - bh}" width="22" height="${bh}"><title>${String(h).padStart(2, "0")}:00 — ${n} starts</title></rect><text x="${h * 30 + 6}" y="106">${String(h).padStart(2, "0")}</text>`;
    });
    out.push(
      `<p class="muted">Starts per hour of the day, over the window:</p><svg viewBox="0 0 724 112" style="max-width:724px" role="img" aria-label="starts per hour of day" xmlns="http://www.w3.org/2000/svg">${bars.join("")}</svg>`,
    );
  }

  out.push(`<h2>Jobs</h2><div class="scroll"><table><tr><th>Job</th><th>Schedule</th><th>Runs</th><th>Starts</th><th>File</th></tr>`);
  model.jobs.forEach((j, i) =>
    out.push(
      `<tr><td>${e(j.label)}</td><td><code>${e(jobSummary(j))}</code></td><td>${e(j.runs ?? "")}${j.runsMissing ? ' <span class="muted">(not among the files)</span>' : ""}</td><td>${counts[i]}</td><td><code>${e(`${j.file}:${j.line}`)}</code></td></tr>`,
    ),
  );
  out.push(`</table></div><p class="muted">unitlint schedule</p></body></html>\n`);
  return out.join("\n");
}
