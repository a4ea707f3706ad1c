/**
 * `--format json`: the whole model with times as ISO 8601 in the display zone
 * (and µs since the epoch), every elapse with its job, file and line.
 */
import type { ScheduleModel } from "./model.js";
import { isoWall } from "./time.js";

export interface ScheduleJson {
  window: { from: string; to: string; days: number; zone: string };
  jobs: {
    id: string;
    kind: string;
    label: string;
    file: string;
    line: number;
    runs?: string;
    runsMissing?: boolean;
    specs: { text: string; syntax: string; file: string; line: number; normalized?: string; error?: string }[];
    relative: { key: string; value: string; line: number; meaning: string }[];
    accuracySec: number;
    randomizedDelaySec: number;
    fixedRandomDelay: boolean;
    persistent: boolean;
    starts: number;
    silent?: string;
    why?: string;
    next?: string;
    last?: string;
    wouldStart?: number;
    truncated?: boolean;
  }[];
  elapses: { job: string; file: string; line: number; spec: string; at: string; usec: number; latest?: string }[];
  collisions: { jobs: string[]; count: number; at: string[]; stagger: { job: string; minutes: number }[] }[];
  dst: { at: string; kind: string; from: string; to: string; wallFrom: string; wallTo: string; affected: { job: string; effect: string; detail: string }[] }[];
  busiestHour: { from: string; starts: number; jobs: number } | null;
  perHour: { from: string; starts: number; jobs: number }[];
  perHourOfDay: number[];
}

const sec = (usec: number) => (usec >= Number.MAX_SAFE_INTEGER ? Infinity : usec / 1e6);

export function scheduleJson(model: ScheduleModel): ScheduleJson {
  const iso = (u: number) => isoWall(model.offsets, u);
  const counts = new Array<number>(model.jobs.length).fill(0);
  for (const e of model.elapses) counts[e.job]!++;
  const id = (j: number) => model.jobs[j]!.id;
  return {
    window: { from: iso(model.from), to: iso(model.to), days: model.days, zone: model.zone },
    jobs: model.jobs.map((j, i) => {
      const o: ScheduleJson["jobs"][number] = {
        id: j.id,
        kind: j.kind,
        label: j.label,
        file: j.file,
        line: j.line,
        specs: j.specs.map((s) => ({ ...s })),
        relative: j.relative.map((r) => ({ ...r })),
        accuracySec: sec(j.accuracyUsec),
        randomizedDelaySec: sec(j.randomizedDelayUsec),
        fixedRandomDelay: j.fixedRandomDelay,
        persistent: j.persistent,
        starts: counts[i]!,
      };
      if (j.runs !== undefined) o.runs = j.runs;
      if (j.runsMissing) o.runsMissing = true;
      if (j.silent) o.silent = j.silent;
      if (j.why) o.why = j.why;
      if (j.next !== undefined) o.next = iso(j.next);
      if (j.last !== undefined) o.last = iso(j.last);
      if (j.wouldStart !== undefined) o.wouldStart = j.wouldStart;
      if (j.truncated) o.truncated = true;
      return o;
    }),
    elapses: model.elapses.map((e) => {
      const job = model.jobs[e.job]!;
      const spec = job.specs[e.spec]!;
      const o: ScheduleJson["elapses"][number] = { job: job.id, file: spec.file, line: spec.line, spec: spec.text, at: iso(e.usec), usec: e.usec };
      if (e.latestUsec !== undefined) o.latest = iso(e.latestUsec);
      return o;
    }),
    collisions: model.collisions.map((g) => ({
      jobs: g.jobs.map(id),
      count: g.at.length,
      at: g.at.map(iso),
      stagger: g.stagger.map((s) => ({ job: id(s.job), minutes: s.minutes })),
    })),
    dst: model.dst.map((d) => ({
      at: iso(d.usec),
      kind: d.kind,
      from: d.fromAbbr,
      to: d.toAbbr,
      wallFrom: d.wallFrom,
      wallTo: d.wallTo,
      affected: d.affected.map((a) => ({ job: id(a.job), effect: a.effect, detail: a.detail })),
    })),
    busiestHour: model.busiest ? { from: iso(model.busiest.start), starts: model.busiest.starts, jobs: model.busiest.jobs } : null,
    perHour: model.perHour.map((h) => ({ from: iso(h.start), starts: h.starts, jobs: h.jobs })),
    perHourOfDay: model.perHourOfDay,
  };
}

export function renderJson(model: ScheduleModel): string {
  return JSON.stringify(scheduleJson(model), null, 2) + "\n";
}
