import type { CalendarSpec } from "../spec/model.js";
import type { Zone } from "../zone/zone.js";
import { minuteMatches } from "../spec/matches.js";
import { emptyTm } from "../libc/tm.js";
import { offtime } from "../libc/offtime.js";

interface DstHit {
  kind: "gap" | "overlap";
  /** the transition instant, seconds since the epoch */
  at: number;
  /** the first matching local time, "YYYY-MM-DD HH:MM" */
  local: string;
  from: number;
  to: number;
}

const p2 = (n: number) => String(n).padStart(2, "0");

/** Offset changes of a zone between two instants (daily sampling, then bisection). */
export function transitions(zone: Zone, from: number, to: number): { at: number; before: number; after: number }[] {
  const out: { at: number; before: number; after: number }[] = [];
  let prev = zone.lookup(from).gmtoff;
  for (let t = from + 43200; t <= to; t += 43200) {
    const o = zone.lookup(t).gmtoff;
    if (o === prev) continue;
    let lo = t - 43200;
    let hi = t;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (zone.lookup(mid).gmtoff === prev) lo = mid;
      else hi = mid;
    }
    out.push({ at: hi, before: prev, after: o });
    prev = o;
  }
  return out;
}

/** Whether the spec matches a minute of the local day around `local` outside [start, end) (local seconds). */
function runsElsewhereThatDay(spec: CalendarSpec, local: number, start: number, end: number): boolean {
  const dayStart = Math.floor(local / 86400) * 86400;
  for (let m = dayStart; m < dayStart + 86400; m += 60) {
    if (m >= start && m < end) continue;
    const tm = emptyTm();
    offtime(m, 0, tm);
    if (minuteMatches(spec, { year: tm.year + 1900, month: tm.mon + 1, day: tm.mday, wday: tm.wday, hour: tm.hour, minute: tm.min })) return true;
  }
  return false;
}

/**
 * Local times of the spec that a DST change skips (systemd then skips or
 * shifts the elapse) or repeats (systemd fires once), within [from, to).
 * Only where that costs the day its run: a job that also runs at another
 * time of the same day (hourly, `*:17`, every 15 minutes) loses or repeats
 * one of many runs, which nobody notices; a daily or rarer job loses its
 * only one.
 */
export function dstHits(spec: CalendarSpec, zone: Zone, from: number, to: number): DstHit[] {
  const hits: DstHit[] = [];
  for (const tr of transitions(zone, from, to)) {
    const kind = tr.after > tr.before ? "gap" : "overlap";
    const start = tr.at + Math.min(tr.before, tr.after);
    const end = tr.at + Math.max(tr.before, tr.after);
    for (let local = Math.floor(start / 60) * 60; local < end; local += 60) {
      const tm = emptyTm();
      offtime(local, 0, tm);
      if (minuteMatches(spec, { year: tm.year + 1900, month: tm.mon + 1, day: tm.mday, wday: tm.wday, hour: tm.hour, minute: tm.min })) {
        if (runsElsewhereThatDay(spec, local, start, end)) break;
        hits.push({ kind, at: tr.at, local: `${tm.year + 1900}-${p2(tm.mon + 1)}-${p2(tm.mday)} ${p2(tm.hour)}:${p2(tm.min)}`, from: tr.before, to: tr.after });
        break;
      }
    }
  }
  return hits;
}
