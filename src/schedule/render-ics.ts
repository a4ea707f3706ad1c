/**
 * `--format ics`: an iCalendar file (RFC 5545) to import into a calendar app
 * and see the window's jobs. One event per start; a job that starts more often
 * than every 30 minutes on average gets one event per day instead ("×N"), so
 * the import stays usable. Times are UTC (`Z`); the app shows them in its zone.
 */
import type { ScheduleModel } from "./model.js";
import { jobSummary } from "./render-terminal.js";
import { wallOf } from "./time.js";

const p2 = (n: number) => String(n).padStart(2, "0");

function utc(usec: number): string {
  const d = new Date(Math.floor(usec / 1000));
  return `${d.getUTCFullYear()}${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())}T${p2(d.getUTCHours())}${p2(d.getUTCMinutes())}${p2(d.getUTCSeconds())}Z`;
}

/** TEXT escaping (RFC 5545 3.3.11). */
export function icsText(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

const encoder = new TextEncoder();

/** Fold a content line at 75 octets, never inside a UTF-8 sequence (RFC 5545 3.1). */
export function foldLine(line: string): string {
  // ASCII: one octet per character
  if (/^[\x00-\x7f]*$/.test(line)) {
    if (line.length <= 75) return line;
    const parts = [line.slice(0, 75)];
    for (let i = 75; i < line.length; i += 74) parts.push(line.slice(i, i + 74));
    return parts.join("\r\n ");
  }
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let cur = "";
  let bytes = 0;
  let limit = 75;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    if (bytes + n > limit) {
      parts.push(cur);
      cur = "";
      bytes = 0;
      limit = 74; // continuation lines start with a space
    }
    cur += ch;
    bytes += n;
  }
  parts.push(cur);
  return parts.join("\r\n ");
}

function duration(usec: number): string {
  const s = Math.max(60, Math.round(usec / 1e6));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return `PT${h ? h + "H" : ""}${m ? m + "M" : ""}${sec ? sec + "S" : ""}`;
}

/** A stable, short id for UIDs (FNV-1a). */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

export function renderIcs(model: ScheduleModel): string {
  const lines: string[] = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//unitlint//schedule//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${icsText(`unitlint schedule (${model.zone})`)}`,
  ];
  const stamp = utc(model.from);
  const byJob = new Map<number, number[]>();
  for (const e of model.elapses) {
    let l = byJob.get(e.job);
    if (!l) byJob.set(e.job, (l = []));
    l.push(e.usec);
  }
  const event = (uid: string, start: number, dur: number, summary: string, description: string) => {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${uid}@unitlint`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${utc(start)}`,
      `DURATION:${duration(dur)}`,
      foldLine(`SUMMARY:${icsText(summary)}`),
      foldLine(`DESCRIPTION:${icsText(description)}`),
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  };
  model.jobs.forEach((job, j) => {
    const starts = byJob.get(j);
    if (!starts) return;
    const about = `${jobSummary(job)}\n${job.file}:${job.line}${job.runs ? `\nruns: ${job.runs}` : ""}`;
    const id = hash(job.id);
    if (starts.length <= model.days * 48) {
      for (const u of starts)
        event(
          `${id}-${u}`,
          u,
          job.randomizedDelayUsec || 60e6,
          job.label,
          about + (job.randomizedDelayUsec ? "\n(starts somewhere in this range: RandomizedDelaySec=)" : ""),
        );
      return;
    }
    // frequent: one event per local day, from its first to its last start
    const days = new Map<string, number[]>();
    for (const u of starts) {
      const w = wallOf(model.offsets, u);
      const key = `${w.year}-${w.month}-${w.day}`;
      let l = days.get(key);
      if (!l) days.set(key, (l = []));
      l.push(u);
    }
    for (const l of days.values())
      event(`${id}-${l[0]}`, l[0]!, l[l.length - 1]! - l[0]! + 60e6, `${job.label} ×${l.length}`, `${about}\n${l.length} starts this day`);
  });
  lines.push("END:VCALENDAR");
  return lines.join("\r\n") + "\r\n";
}
