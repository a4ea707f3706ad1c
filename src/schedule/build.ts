/**
 * From jobs to the schedule model: each spec's elapses in the window from the
 * calendar engine (`elapseCursor` for OnCalendar=, `nextCronRuns` for cron), then
 * collisions, DST changes and the hour counts.
 */
import {
  elapseCursor,
  localZone,
  nextCronRuns,
  nextErrorMessage,
  parseCalendar,
  type CalendarOptions,
  type CalendarParseResult,
  type NextError,
} from "../calendar/index.js";
import { collectJobs, type ScheduleInputs } from "./jobs.js";
import type { Collision, DstChange, ScheduleElapse, ScheduleJob, ScheduleModel } from "./model.js";
import { hhmm, hourStart, offsetSpans, spanAt, wallOf } from "./time.js";

const SEC = 1_000_000;
const MINUTE = 60 * SEC;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface BuildOptions extends CalendarOptions {
  /** Window start (µs since the epoch); elapses strictly after it count, as with systemd-analyze --base-time. */
  from: number;
  /** Window length in days (default 7). */
  days?: number;
  /** At most this many elapses per spec (default 20,000; a job firing every few seconds is cut and marked). */
  maxPerSpec?: number;
}

interface SpecResult {
  usecs: number[];
  truncated: boolean;
  /** No elapse after the base at all (systemd's "never"). */
  never: boolean;
  error?: string;
  normalized?: string;
  /** The first elapse after the window, when there is none inside it. */
  next?: number;
}

type Engine = (
  text: string,
  syntax: "calendar" | "cron",
  base: number,
  count: number,
  tz: string | undefined,
) => { usecs: number[]; never: boolean; error?: string; normalized?: string };

function engine(opts: CalendarOptions): Engine {
  // a spec is parsed once per zone (the parse reads the local zone's abbreviations), then searched from each base
  const parsed = new Map<string, CalendarParseResult>();
  // One search per spec, zone and base, extended as callers ask for more: a run
  // of N iterations gives the first N elapses of a longer run (the same glibc
  // state carries through), so asking for 2, then 170, then 340 costs 340 steps, not 512.
  const searches = new Map<string, { next: () => number | NextError; usecs: number[]; end?: NextError }>();
  return (text, syntax, base, count, tz) => {
    const o: CalendarOptions & { base: number; count: number } = { base, count };
    const zone = tz ?? opts.tz;
    if (zone !== undefined) o.tz = zone;
    if (opts.zones) o.zones = opts.zones;
    if (syntax === "calendar") {
      const key = `${zone ?? ""}\u0000${text}`;
      let spec = parsed.get(key);
      if (!spec) parsed.set(key, (spec = parseCalendar(text, o)));
      if (!spec.ok) return { usecs: [], never: false, error: spec.error.message };
      const searchKey = `${base}\u0000${key}`;
      let search = searches.get(searchKey);
      if (!search) searches.set(searchKey, (search = { next: elapseCursor(spec, o), usecs: [] }));
      while (search.usecs.length < count && search.end === undefined) {
        const r = search.next();
        if (typeof r === "number") search.usecs.push(r);
        else search.end = r;
      }
      const usecs = search.usecs.length > count ? search.usecs.slice(0, count) : search.usecs.slice();
      const end = usecs.length < count ? search.end : undefined;
      const out: ReturnType<Engine> = { usecs, never: usecs.length === 0 && end === "ENOENT", normalized: spec.normalized };
      if (end !== undefined && end !== "ENOENT") out.error = nextErrorMessage(end);
      return out;
    }
    const r = nextCronRuns(text, o);
    const out: ReturnType<Engine> = { usecs: r.elapses.map((e) => e.usec), never: r.ok && r.elapses.length === 0 };
    if (r.error !== undefined) out.error = r.error;
    return out;
  };
}

/**
 * The elapses of one spec in (from, to]: one engine run with as many
 * iterations as the window needs (the first two elapses estimate the spacing;
 * doubled until the window is covered), so the list is exactly what
 * `systemd-analyze calendar --base-time=FROM --iterations=N` prints.
 */
function specElapses(run: Engine, text: string, syntax: "calendar" | "cron", from: number, to: number, max: number, tz: string | undefined): SpecResult {
  const first = run(text, syntax, from, 2, tz);
  const res: SpecResult = { usecs: [], truncated: false, never: first.never };
  if (first.error !== undefined) res.error = first.error;
  if (first.normalized !== undefined) res.normalized = first.normalized;
  if (first.usecs.length === 0) return res;
  if (first.usecs[0]! > to) {
    res.next = first.usecs[0]!;
    return res;
  }
  let count = 2;
  let r = first;
  if (first.usecs.length === 2 && first.usecs[1]! <= to) {
    const spacing = Math.max(1, first.usecs[1]! - first.usecs[0]!);
    count = Math.min(max + 1, Math.ceil((to - from) / spacing) + 2);
    for (;;) {
      r = run(text, syntax, from, count, tz);
      const last = r.usecs[r.usecs.length - 1]!;
      if (r.usecs.length < count || last > to || count > max) break;
      count = Math.min(max + 1, count * 2);
    }
  }
  res.usecs = r.usecs.filter((u) => u <= to);
  if (res.usecs.length > max) {
    res.usecs.length = max;
    res.truncated = true;
  }
  if (r.error !== undefined) res.error = r.error;
  return res;
}

/** Build the model: jobs of the inputs, their elapses in the window, and what is shown beside the timeline. */
export function buildSchedule(inputs: ScheduleInputs, options: BuildOptions): ScheduleModel {
  const days = options.days ?? 7;
  const from = options.from;
  const max = options.maxPerSpec ?? 20_000;
  const zone = localZone(options);
  const offsets = offsetSpans(zone, Math.floor(from / SEC) - 9 * 86400, Math.floor(from / SEC) + (days + 2) * 86400);
  // N days later on the wall clock: across a DST change the window is an hour shorter or longer
  const to = from + days * DAY - (spanAt(offsets, Math.floor(from / SEC) + days * 86400).offset - spanAt(offsets, Math.floor(from / SEC)).offset) * SEC;
  const run = engine(options);
  // the same spec in the same zone gives the same elapses: computed once (a folder of timers shares most specs)
  const cache = new Map<string, SpecResult>();
  const elapsesOf = (text: string, syntax: "calendar" | "cron", tz: string | undefined, a: number, b: number) => {
    const key = `${syntax}\u0000${tz ?? ""}\u0000${a}\u0000${b}\u0000${text}`;
    let r = cache.get(key);
    if (!r) cache.set(key, (r = specElapses(run, text, syntax, a, b, max, tz)));
    return r;
  };

  const jobs = collectJobs(inputs);
  const elapses: ScheduleElapse[] = [];
  jobs.forEach((job, j) => {
    let parsed = 0;
    let count = 0;
    let next: number | undefined;
    let never = 0;
    let givesUp = false;
    const mine: ScheduleElapse[] = [];
    job.specs.forEach((spec, s) => {
      if (spec.error !== undefined) return;
      const r = elapsesOf(spec.text, spec.syntax, job.cronTz, from, to);
      if (r.normalized !== undefined) spec.normalized = r.normalized;
      if (r.error !== undefined && r.usecs.length === 0 && !r.never && r.next === undefined) {
        spec.error = r.error;
        if (/gives up/.test(r.error)) givesUp = true;
        else return;
      }
      parsed++;
      if (r.truncated) job.truncated = true;
      if (r.never) never++;
      if (r.next !== undefined) next = next === undefined ? r.next : Math.min(next, r.next);
      for (const u of r.usecs) {
        const e: ScheduleElapse = { job: j, spec: s, usec: u };
        if (job.randomizedDelayUsec > 0) e.latestUsec = u + job.randomizedDelayUsec;
        mine.push(e);
        count++;
      }
    });
    if (job.silent) {
      if (count > 0) job.wouldStart = count;
      return;
    }
    if (job.specs.length > 0 && parsed === 0) {
      job.silent = "invalid";
      job.why = job.specs.map((s) => `${s.syntax === "calendar" ? "OnCalendar=" : ""}${s.text}: ${s.error ?? "invalid"}`).join("; ");
      return;
    }
    if (count > 0) {
      elapses.push(...mine);
      return;
    }
    if (givesUp) {
      job.silent = "gives-up";
      job.why = "systemd gives up computing the next elapse (1000 search steps)";
    } else if (next !== undefined) {
      job.silent = "after-window";
      job.next = next;
      job.why = "the next start is after the window";
    } else if (never === parsed) {
      // is it a date in the past, or no date at all?
      let last: number | undefined;
      for (const spec of job.specs) {
        if (spec.error !== undefined) continue;
        const r = run(spec.text, spec.syntax, 0, 1, job.cronTz);
        if (r.usecs.length > 0) last = Math.max(last ?? 0, r.usecs[0]!);
      }
      if (last !== undefined && last <= from) {
        job.silent = "past";
        job.why = "every elapse is before the window";
        // the last one: the engine from the first, step by step, is too slow for minutely specs; the first is enough to prove "past"
        job.last = last;
      } else {
        job.silent = "never-elapses";
        job.why = "the schedule names no existing time (e.g. a day no month has)";
      }
    }
  });
  // pushed in (job, spec, time) order and Array#sort is stable: sorting by time alone gives (time, job, spec)
  elapses.sort((a, b) => a.usec - b.usec);

  const model: ScheduleModel = {
    from,
    to,
    days,
    zone: zone.name,
    offsets,
    jobs,
    elapses,
    collisions: [],
    dst: [],
    perHour: [],
    perHourOfDay: new Array<number>(24).fill(0),
  };
  model.collisions = collisions(model);
  const counts = new Array<number>(jobs.length).fill(0);
  for (const e of elapses) counts[e.job]!++;
  const indexOf = new Map(jobs.map((j, i) => [j, i] as const));
  model.dst = dstChanges(model, (job, a, b) => {
    // a job that starts every minute or more often runs through any change: nothing to tell
    if (frequent(model, counts, indexOf.get(job)!)) return [];
    const out: number[] = [];
    // inside the window the elapses are known already; only ranges before it need the engine
    const inside = a >= from && b <= to;
    for (const spec of job.specs) {
      if (spec.error !== undefined) continue;
      if (inside) {
        for (const u of elapsesOf(spec.text, spec.syntax, job.cronTz, from, to).usecs) if (u > a && u <= b) out.push(u);
      } else out.push(...elapsesOf(spec.text, spec.syntax, job.cronTz, a, b).usecs);
    }
    return out.sort((x, y) => x - y);
  });
  hourCounts(model);
  return model;
}

/** A job that starts every minute (or more often) meets every other job; collisions leave it out. */
function frequent(model: ScheduleModel, counts: number[], j: number): boolean {
  return counts[j]! >= (model.to - model.from) / MINUTE / 2;
}

function collisions(model: ScheduleModel): Collision[] {
  const counts = new Array<number>(model.jobs.length).fill(0);
  for (const e of model.elapses) counts[e.job]!++;
  // RandomizedDelaySec= already spreads a job out; it takes no part (as in timers/simultaneous-timers)
  const starts = model.elapses.filter((e) => model.jobs[e.job]!.randomizedDelayUsec === 0 && !frequent(model, counts, e.job));
  const groups = new Map<string, Collision>();
  let i = 0;
  while (i < starts.length) {
    const first = starts[i]!;
    const minute = Math.floor(first.usec / MINUTE);
    let end = first.usec + model.jobs[first.job]!.accuracyUsec;
    const members = [first.job];
    let k = i + 1;
    for (; k < starts.length; k++) {
      const e = starts[k]!;
      if (Math.floor(e.usec / MINUTE) !== minute && e.usec >= end) break;
      if (!members.includes(e.job)) members.push(e.job);
      end = Math.max(end, e.usec + model.jobs[e.job]!.accuracyUsec);
    }
    if (members.length > 1) {
      // the job that starts most often stays; the others are the ones to move
      members.sort((a, b) => counts[b]! - counts[a]! || a - b);
      const key = [...members].sort((a, b) => a - b).join(",");
      const g = groups.get(key);
      if (g) g.at.push(first.usec);
      else groups.set(key, { jobs: members, at: [first.usec], stagger: [] });
    }
    i = k;
  }
  const out = [...groups.values()].sort((a, b) => b.at.length - a.at.length || a.at[0]! - b.at[0]!);
  // stagger: each job after the first moves the fewest minutes that meet no other start of the window.
  // taken: minute -> the one job starting in it, or -1 when several do
  const taken = new Map<number, number>();
  const minutesOf = new Map<number, number[]>();
  const take = (m: number, j: number) => {
    const v = taken.get(m);
    if (v === undefined) taken.set(m, j);
    else if (v !== j) taken.set(m, -1);
  };
  for (const e of starts) {
    const m = Math.floor(e.usec / MINUTE);
    take(m, e.job);
    let l = minutesOf.get(e.job);
    if (!l) minutesOf.set(e.job, (l = []));
    l.push(m);
  }
  const OFFSETS = [5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, ...Array.from({ length: 59 }, (_, k) => k + 1)];
  const moved = new Set<number>();
  for (const g of out) {
    for (const j of g.jobs.slice(1)) {
      if (moved.has(j)) continue;
      moved.add(j);
      const mine = minutesOf.get(j) ?? [];
      // a few minutes' offset first (5, 10, ... 55), then any free minute
      const d = OFFSETS.find((d) =>
        mine.every((m) => {
          const v = taken.get(m + d);
          return v === undefined || v === j;
        }),
      );
      if (d === undefined) continue;
      for (const m of mine) take(m + d, j);
      g.stagger.push({ job: j, minutes: d });
    }
  }
  return out;
}

function dstChanges(model: ScheduleModel, around: (job: ScheduleJob, from: number, to: number) => number[]): DstChange[] {
  const out: DstChange[] = [];
  for (let i = 1; i < model.offsets.length; i++) {
    const prev = model.offsets[i - 1]!;
    const span = model.offsets[i]!;
    const t = span.from * SEC;
    if (t <= model.from || t > model.to || span.offset === prev.offset) continue;
    const delta = (span.offset - prev.offset) * SEC;
    const kind = delta > 0 ? "gap" : "overlap";
    const len = Math.abs(delta);
    // the wall range: for a gap, [old wall at t, new wall at t) does not exist; for an overlap, [new wall at t, old wall at t) repeats
    const wallOld = hhmm(wallOf([{ from: 0, offset: prev.offset, abbr: prev.abbr }], t));
    const wallNew = hhmm(wallOf(model.offsets, t));
    const change: DstChange = {
      usec: t,
      fromOffset: prev.offset,
      toOffset: span.offset,
      fromAbbr: prev.abbr,
      toAbbr: span.abbr,
      kind,
      wallFrom: kind === "gap" ? wallOld : wallNew,
      wallTo: kind === "gap" ? wallNew : wallOld,
      affected: [],
    };
    model.jobs.forEach((job, j) => {
      if (job.silent || job.specs.length === 0) return;
      // what the job does in the affected wall range on an ordinary day: the day and the week before (short engine runs)
      // (the range in the old offset: [t, t + len) for a gap, [t - len, t) for an overlap, shifted back)
      const ref = (shift: number) => {
        const a = kind === "gap" ? t - shift : t - shift - len;
        return around(job, a - SEC, a + len - SEC).filter((u) => u >= a && u < a + len);
      };
      // the week before only when the day before does not show it (weekly jobs)
      let refs = ref(DAY);
      if (refs.length === 0) refs = ref(7 * DAY);
      const list = around(job, t - len - SEC, t + 2 * len);
      if (kind === "gap") {
        if (refs.length === 0) return;
        const w = wallOf(model.offsets, refs[0]!);
        const afterList = list.filter((u) => u >= t && u < t + len);
        const after = afterList.length;
        const usual = around(job, t - DAY + len - SEC, t - DAY + 2 * len).filter((u) => u >= t - DAY + len && u < t - DAY + 2 * len).length;
        if (after > usual)
          change.affected.push({
            job: j,
            effect: "moved",
            detail: `its ${hhmm(w)} start does not exist that day; it starts at ${after > 0 ? hhmm(wallOf(model.offsets, afterList[0]!)) : wallNew} instead`,
          });
        else change.affected.push({ job: j, effect: "skipped", detail: `its ${hhmm(w)} start does not exist that day and is skipped` });
      } else {
        const first = list.filter((u) => u >= t - len && u < t);
        const second = list.filter((u) => u >= t && u < t + len);
        const wf = new Set(first.map((u) => hhmm(wallOf(model.offsets, u))));
        const twice = second.map((u) => hhmm(wallOf(model.offsets, u))).filter((x) => wf.has(x));
        if (twice.length > 0)
          change.affected.push({
            job: j,
            effect: "repeated",
            detail: `starts twice at ${twice.slice(0, 3).join(", ")}${twice.length > 3 ? ", …" : ""} (${prev.abbr}, then ${span.abbr})`,
          });
        else if (first.length + second.length > 0 && refs.length > 0)
          change.affected.push({
            job: j,
            effect: "once",
            detail: `starts once at ${hhmm(wallOf(model.offsets, [...first, ...second][0]!))} (${first.length > 0 ? prev.abbr : span.abbr}), not twice`,
          });
      }
    });
    out.push(change);
  }
  return out;
}

function hourCounts(model: ScheduleModel): void {
  const byHour = new Map<number, { starts: number; jobs: Set<number> }>();
  // elapses are sorted: walk the offset spans alongside instead of looking each one up
  let k = 0;
  for (const e of model.elapses) {
    const sec = Math.floor(e.usec / SEC);
    while (k + 1 < model.offsets.length && model.offsets[k + 1]!.from <= sec) k++;
    const local = sec + model.offsets[k]!.offset;
    const inHour = ((local % 3600) + 3600) % 3600;
    const h = (sec - inHour) * SEC;
    let b = byHour.get(h);
    if (!b) byHour.set(h, (b = { starts: 0, jobs: new Set() }));
    b.starts++;
    b.jobs.add(e.job);
    model.perHourOfDay[Math.floor((((local % 86400) + 86400) % 86400) / 3600)]!++;
  }
  // every clock hour of the window, empty ones included
  const first = hourStart(model.offsets, model.from + 1);
  for (let h = first; h <= model.to;) {
    const b = byHour.get(h);
    const row = { start: h, starts: b?.starts ?? 0, jobs: b?.jobs.size ?? 0 };
    model.perHour.push(row);
    if (row.starts > 0 && (!model.busiest || row.starts > model.busiest.starts)) model.busiest = row;
    // the next clock hour (an hour of wall time; across a change the hours are still real hours)
    h = hourStart(model.offsets, h + HOUR + MINUTE);
  }
}
