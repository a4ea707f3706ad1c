import type { Zone } from "../zone/zone.js";
import { localToUtc } from "../zone/local-to-utc.js";
import { daysFromCivil, daysInMonth } from "../libc/tm.js";
import { offtime } from "../libc/offtime.js";
import type { CronExpression, CronField, CronFieldName } from "./model.js";
import { emptyTm } from "../libc/tm.js";

/** The five value sets a cron shorthand stands for (crontab(5)). */
export function specialFields(special: string): Record<CronFieldName, number[]> | undefined {
  const all = (lo: number, hi: number) => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  const base = { minute: [0], hour: [0], dayOfMonth: all(1, 31), month: all(1, 12), dayOfWeek: all(0, 6) };
  switch (special) {
    case "@yearly":
    case "@annually":
      return { ...base, dayOfMonth: [1], month: [1] };
    case "@monthly":
      return { ...base, dayOfMonth: [1] };
    case "@weekly":
      return { ...base, dayOfWeek: [0] };
    case "@daily":
    case "@midnight":
      return base;
    case "@hourly":
      return { ...base, hour: all(0, 23) };
    default:
      return undefined;
  }
}

interface Plan {
  sets: Record<CronFieldName, Set<number>>;
  /** cronie: a day matches both day fields when either begins with '*', else either */
  andDays: boolean;
  /** cronie's MIN_STAR/HR_STAR: such jobs follow the clock through DST changes */
  wildcard: boolean;
}

function plan(cron: CronExpression): Plan | undefined {
  if (cron.special) {
    const f = specialFields(cron.special);
    if (!f) return undefined;
    const sets = Object.fromEntries(Object.entries(f).map(([k, v]) => [k, new Set(v)])) as Plan["sets"];
    return { sets, andDays: true, wildcard: cron.special === "@hourly" };
  }
  const f = cron.fields!;
  const set = (x: CronField) => new Set(x.values);
  return {
    sets: { minute: set(f.minute), hour: set(f.hour), dayOfMonth: set(f.dayOfMonth), month: set(f.month), dayOfWeek: set(f.dayOfWeek) },
    andDays: f.dayOfMonth.startsWithStar || f.dayOfWeek.startsWithStar,
    wildcard: f.minute.startsWithStar || f.hour.startsWithStar,
  };
}

/** 400 years hold every combination of leap year, month and weekday twice over. */
const MAX_DAYS = 366 * 400;

/**
 * The next `count` runs (seconds since the epoch) strictly after `base` of a
 * cron schedule in `zone`, as cronie runs them: local times skipped by a DST
 * jump run at the jump (unless the job has a '*' minute or hour, which just
 * follows the clock), repeated local times run once (twice for '*' jobs).
 * "@reboot" never runs on a clock.
 */
export function nextCronRuns(cron: CronExpression, base: number, count: number, zone: Zone): number[] {
  const p = plan(cron);
  if (!p || count <= 0) return [];
  const out: number[] = [];
  const hours = [...p.sets.hour].sort((a, b) => a - b);
  const minutes = [...p.sets.minute].sort((a, b) => a - b);
  const tm = emptyTm();
  offtime(base, zone.lookup(base).gmtoff, tm);
  // start one day early so an overlap or gap around midnight is not missed
  let day = daysFromCivil(tm.year + 1900, tm.mon + 1, tm.mday) - 1;
  const last = day + MAX_DAYS;
  let lastRun = base;
  for (; day < last && out.length < count; day++) {
    const d = emptyTm();
    offtime(day * 86400, 0, d);
    const month = d.mon + 1;
    if (!p.sets.month.has(month)) {
      day += daysInMonth(d.year + 1900, d.mon) - d.mday; // skip the rest of the month
      continue;
    }
    const dom = p.sets.dayOfMonth.has(d.mday);
    const dow = p.sets.dayOfWeek.has(d.wday);
    if (!(p.andDays ? dom && dow : dom || dow)) continue;
    const runs: number[] = [];
    for (const h of hours) {
      for (const m of minutes) {
        const local = day * 86400 + h * 3600 + m * 60;
        const { instants, gapEnd } = localToUtc(zone, local);
        if (instants.length > 0) runs.push(...(p.wildcard ? instants : instants.slice(0, 1)));
        else if (!p.wildcard && gapEnd !== undefined) runs.push(gapEnd);
      }
    }
    // in a fall-back overlap the wall clock repeats, so local order is not time order
    runs.sort((a, b) => a - b);
    for (const t of runs) {
      if (t > lastRun) {
        out.push(t);
        lastRun = t;
        if (out.length >= count) return out;
      }
    }
  }
  return out;
}
