import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runCron2Calendar } from "../../src/cli/commands/cron2calendar.js";
import { runSchedule } from "../../src/cli/commands/schedule.js";
import type { Io } from "../../src/cli/io.js";
import type { ScheduleJson } from "../../src/schedule/index.js";
import { grammaticalSpec } from "../calendar/support/arbitraries.js";
import { hasSystemdAnalyze, runSystemdAnalyze } from "../calendar/support/systemd-analyze.js";
import { ROOT, tempDir } from "../helpers/cli.js";

/*
 * Every elapse `unitlint schedule --format json` lists for a timer is what
 * `systemd-analyze calendar --base-time=@FROM --iterations=N` prints for the
 * same spec in the same zone (one systemd-analyze process per spec, as the
 * engine starts a fresh glibc "process" per spec), and systemd's next
 * iteration after the last one lies after the window: nothing missing,
 * nothing extra.
 */

function scheduleJson(paths: string[], from: number, tz: string, days = 7): ScheduleJson {
  let out = "";
  const io: Io = { out: (s) => void (out += s), err: () => undefined, isTTY: false, env: { TZ: tz }, readStdin: () => "" };
  runSchedule(paths, { from: `@${from}`, days, tz, format: "json", crontab: [] }, io);
  return JSON.parse(out) as ScheduleJson;
}

/** The elapses systemd-analyze prints, as seconds since the epoch (its "(in UTC)" lines, or the elapse lines when the zone is UTC). */
function theirElapses(spec: string, tz: string, from: number, iterations: number): { elapses: number[]; error: boolean } {
  const r = runSystemdAnalyze(["calendar", `--base-time=@${from}`, `--iterations=${iterations}`, "--", spec], tz);
  if (r.status !== 0) return { elapses: [], error: true };
  const utcLines = [...r.stdout.matchAll(/\(in UTC\): \w+ (\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d) UTC/g)];
  const lines = utcLines.length > 0 ? utcLines : [...r.stdout.matchAll(/(?:Next elapse|Iter\. #\d+): \w+ (\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d) UTC/g)];
  return { elapses: lines.map((m) => Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) / 1000), error: false };
}

interface Mismatch {
  spec: string;
  tz: string;
  from: number;
  ours: number[];
  theirs: number[];
}

/** Compare each timer spec of the JSON with systemd-analyze; returns the mismatches and how many elapses were checked. */
function compare(json: ScheduleJson, tz: string, from: number): { mismatches: Mismatch[]; checked: number; specs: number } {
  const toSec = Date.parse(json.window.to) / 1000;
  const mismatches: Mismatch[] = [];
  let checked = 0;
  let specs = 0;
  for (const job of json.jobs) {
    if (job.kind !== "timer") continue;
    for (const spec of job.specs) {
      if (spec.syntax !== "calendar") continue;
      specs++;
      const ours = json.elapses.filter((e) => e.job === job.id && e.spec === spec.text).map((e) => Math.floor(e.usec / 1e6));
      const silentWithElapses = job.silent !== undefined && job.wouldStart !== undefined;
      if (silentWithElapses) continue;
      const t = theirElapses(spec.text, tz, from, ours.length + 1);
      // a spec that fires every second is cut at 20,000 elapses (and marked): compare what is listed
      const inWindow = t.elapses.filter((s) => s <= toSec).slice(0, job.truncated ? ours.length : undefined);
      checked += ours.length;
      const same = inWindow.length === ours.length && inWindow.every((s, i) => s === ours[i]) && (t.error ? spec.error !== undefined : true);
      if (!same) mismatches.push({ spec: spec.text, tz, from, ours, theirs: t.elapses });
    }
  }
  return { mismatches, checked, specs };
}

const report = (m: Mismatch[]) =>
  m
    .slice(0, 5)
    .map((x) => `${x.tz} @${x.from} ${JSON.stringify(x.spec)}\n ours:   ${x.ours.slice(0, 8).join(" ")}\n theirs: ${x.theirs.slice(0, 8).join(" ")}`)
    .join("\n");

// Week starts: an ordinary week, the weeks of Europe's and the US's 2026 DST changes (both ways), a leap day.
const FROMS = [1_767_225_600, 1_774_656_000, 1_792_540_800, 1_772_928_000, 1_793_577_600, 1_835_395_200];
const ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu"];

if (!hasSystemdAnalyze) console.log("test/schedule/differential.test.ts skipped: systemd-analyze of systemd 252 is not installed");

describe.skipIf(!hasSystemdAnalyze)(
  "schedule --format json against systemd-analyze calendar --iterations (skipped: systemd-analyze of systemd 252 is not installed)",
  () => {
    it("the bundled examples' timers, in 5 zones from 6 week starts", () => {
      const mism: Mismatch[] = [];
      let checked = 0;
      for (const tz of ZONES) {
        for (const from of FROMS) {
          const json = scheduleJson([join(ROOT, "examples")], from, tz);
          expect(json.jobs.filter((j) => j.kind === "timer").length).toBeGreaterThan(0);
          const r = compare(json, tz, from);
          mism.push(...r.mismatches);
          checked += r.checked;
        }
      }
      expect(mism, report(mism)).toEqual([]);
      expect(checked).toBeGreaterThan(10_000);
    }, 120_000);

    /** Specs that fire within a week, so the windows are full: times of day, weekdays, repetitions, shorthands, zone suffixes. */
    const weekly = fc
      .tuple(
        fc.option(fc.constantFrom("Mon", "Tue..Fri", "Sat,Sun", "Mon,Wed,Fri", "Sun", "Fri..Mon"), { freq: 2 }),
        fc.constantFrom("*", "0/2", "1..5", "9", "0,12", "22..23", "2", "1/3", "00..02"),
        fc.constantFrom("00", "0/15", "30", "5", "*/10", "45", "0,30", "7/20"),
        fc.option(fc.constantFrom("00", "30", "0/20", "15"), { freq: 2 }),
        fc.option(fc.constantFrom(" UTC", " Europe/Berlin", " America/New_York", " CET", " Asia/Kathmandu"), { freq: 4 }),
      )
      .map(([wd, h, m, s, z]) => `${wd ? wd + " " : ""}*-*-* ${h}:${m}${s !== null ? ":" + s : ""}${z ?? ""}`);
    const shorthand = fc.constantFrom(
      "hourly",
      "daily",
      "weekly",
      "minutely",
      "*:0/5",
      "*-*-* 02:30",
      "*-*-* 01:30:00",
      "Sun 02:00",
      "*-*~01 03:00",
      "*-*-* 00/6:00",
    );

    it("generated sets of timers (200 timers, 2 zones) and a grammar sample (100 timers)", () => {
      const mism: Mismatch[] = [];
      let checked = 0;
      const sets: { specs: string[]; tz: string; from: number }[] = [
        {
          specs: fc.sample(fc.oneof({ weight: 4, arbitrary: weekly }, { weight: 1, arbitrary: shorthand }), { seed: 2201, numRuns: 100 }),
          tz: "Europe/Berlin",
          from: 1_774_656_000,
        },
        {
          specs: fc.sample(fc.oneof({ weight: 4, arbitrary: weekly }, { weight: 1, arbitrary: shorthand }), { seed: 2202, numRuns: 100 }),
          tz: "America/New_York",
          from: 1_793_577_600,
        },
        { specs: fc.sample(grammaticalSpec, { seed: 2203, numRuns: 100 }), tz: "Australia/Lord_Howe", from: 1_775_318_400 - 3 * 86400 },
      ];
      for (const set of sets) {
        const dir = tempDir();
        mkdirSync(join(dir, "timers"));
        set.specs.forEach((spec, i) =>
          writeFileSync(join(dir, "timers", `gen-${i}.timer`), `[Timer]\nOnCalendar=${spec}\n\n[Install]\nWantedBy=timers.target\n`),
        );
        const json = scheduleJson([dir], set.from, set.tz);
        const r = compare(json, set.tz, set.from);
        expect(r.specs).toBe(set.specs.length);
        mism.push(...r.mismatches);
        checked += r.checked;
      }
      expect(mism, report(mism)).toEqual([]);
      expect(checked).toBeGreaterThan(10_000);
    }, 300_000);
  },
);

describe.skipIf(!hasSystemdAnalyze)("schedule --format json crontab lines against systemd-analyze (UTC, through their OnCalendar= equivalents)", () => {
  it("every start of 60 crontab lines is an elapse of the line's OnCalendar= equivalent(s), and none is missing", () => {
    const minute = ["0", "*/15", "5,35", "30", "0-10/5", "45"];
    const hour = ["*", "2", "*/6", "9-17", "0,12", "23"];
    const dom = ["*", "*", "1", "15", "1-7", "*/10"];
    const dow = ["*", "*", "1-5", "0", "mon,fri", "6"];
    const lines: string[] = [];
    for (let i = 0; i < 60; i++) lines.push(`${minute[i % 6]} ${hour[(i * 5) % 6]} ${dom[(i * 7) % 6]} * ${dow[(i * 11) % 6]} root /bin/job${i}`);
    const dir = tempDir();
    writeFileSync(join(dir, "crontab"), lines.join("\n") + "\n");
    const from = 1_772_928_000;
    const json = scheduleJson([join(dir, "crontab")], from, "UTC");
    const toSec = Date.parse(json.window.to) / 1000;
    const bad: string[] = [];
    let checked = 0;
    for (const job of json.jobs) {
      const ours = json.elapses.filter((e) => e.job === job.id).map((e) => e.usec / 1e6);
      const conv = JSON.parse(runCronToCalendar(job.specs[0]!.text));
      const theirs = new Set<number>();
      for (const spec of conv.lines as string[]) for (const s of theirElapses(spec, "UTC", from, ours.length + 2).elapses) if (s <= toSec) theirs.add(s);
      const t = [...theirs].sort((a, b) => a - b);
      checked += ours.length;
      if (t.length !== ours.length || t.some((s, i) => s !== ours[i]))
        bad.push(`${job.specs[0]!.text}: ours ${ours.slice(0, 4).join(" ")} theirs ${t.slice(0, 4).join(" ")}`);
    }
    expect(bad).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  }, 120_000);
});

function runCronToCalendar(expr: string): string {
  let out = "";
  const io: Io = { out: (s) => void (out += s), err: () => undefined, isTTY: false, env: {}, readStdin: () => "" };
  runCron2Calendar(expr, { json: true }, io);
  return out;
}
