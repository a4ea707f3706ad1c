/**
 * The jobs of a set of files: timers (with the settings that move their
 * starts), crontab lines and seed-002 JSON jobs, with where each schedule is
 * written. No elapses here (see build.ts).
 */
import { parseTimespan, formatTimespan } from "../calendar/index.js";
import type { CrontabFile } from "../crontab/index.js";
import { member, readJob, type JobsFile } from "../jobs/index.js";
import type { EffectiveUnit } from "../model/effective-unit.js";
import type { ScheduleFile } from "../model/schedule-file.js";
import { templateNameOf } from "../model/unit-name.js";
import { resolveUnit, type UnitSet } from "../model/unit-set.js";
import type { JobSpec, RelativeTrigger, ScheduleJob } from "./model.js";

const MINUTE = 60_000_000;

const RELATIVE: Record<string, (span: string) => string> = {
  OnActiveSec: (s) => `${s} after the timer is started`,
  OnBootSec: (s) => `${s} after boot`,
  OnStartupSec: (s) => `${s} after the service manager starts`,
  OnUnitActiveSec: (s) => `every ${s} after the unit last started`,
  OnUnitInactiveSec: (s) => `every ${s} after the unit last stopped`,
};

function spanUsec(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const t = parseTimespan(value);
  if (!t.ok) return fallback;
  // infinity: as wide as anything we show
  return t.infinity ? Number.MAX_SAFE_INTEGER : Number(t.usec);
}

const yes = (v: string | undefined) => v !== undefined && /^(1|yes|y|true|t|on)$/i.test(v);

/** The unit a timer starts: `Unit=`, else the service of the same name (systemd.timer(5)). */
function triggered(timer: EffectiveUnit): string {
  return timer.get("Timer", "Unit") ?? `${timer.name.stem}.service`;
}

function timerJob(u: EffectiveUnit, set: UnitSet, enabled: ReadonlySet<string>, known: ReadonlySet<string>): ScheduleJob | undefined {
  if (u.type !== "timer" || !u.main) return undefined;
  const specs: JobSpec[] = u.list("Timer", "OnCalendar").map((a) => ({ text: a.value, syntax: "calendar", file: a.file.path, line: a.entry.firstLine }));
  const relative: RelativeTrigger[] = [];
  for (const key of Object.keys(RELATIVE)) {
    for (const a of u.list("Timer", key)) {
      const t = parseTimespan(a.value);
      const span = t.ok ? (t.infinity ? "infinity" : formatTimespan(t.usec)) : a.value;
      relative.push({ key, value: a.value, line: a.entry.firstLine, meaning: RELATIVE[key]!(span) });
    }
  }
  if (specs.length === 0 && relative.length === 0) return undefined;
  const runs = triggered(u);
  const job: ScheduleJob = {
    id: u.name.name,
    kind: "timer",
    label: u.name.name,
    file: u.main.path,
    line: u.list("Timer", "OnCalendar")[0]?.entry.firstLine ?? 1,
    runs,
    specs,
    relative,
    accuracyUsec: spanUsec(u.get("Timer", "AccuracySec"), MINUTE),
    randomizedDelayUsec: spanUsec(u.get("Timer", "RandomizedDelaySec"), 0),
    fixedRandomDelay: yes(u.get("Timer", "FixedRandomDelay")),
    persistent: yes(u.get("Timer", "Persistent")),
  };
  const template = templateNameOf(runs);
  if (!resolveUnit(set, runs) && !known.has(runs) && !known.has(template)) job.runsMissing = true;
  if (u.name.isTemplate) {
    job.silent = "template";
    job.why = "a template timer: only its instances (name@instance.timer) run, and which ones is not known here";
  } else if (!installable(u, enabled)) {
    job.silent = "not-installable";
    job.why = "no [Install] section and no .wants/ link: `systemctl enable` cannot enable it, so it does not start after a reboot";
  } else if (specs.length === 0) {
    job.silent = "relative-only";
    job.why = "only boot- or activation-relative triggers: " + relative.map((r) => `${r.key}=${r.value} (${r.meaning})`).join("; ");
  }
  return job;
}

function installable(u: EffectiveUnit, enabled: ReadonlySet<string>): boolean {
  if (enabled.has(u.name.name)) return true;
  return ["WantedBy", "RequiredBy", "UpheldBy", "Also", "Alias"].some((k) => u.list("Install", k).length > 0);
}

const shorten = (s: string, n = 40) => (s.length > n ? s.slice(0, n - 1) + "…" : s);

function crontabJobs(f: CrontabFile): ScheduleJob[] {
  const out: ScheduleJob[] = [];
  const base = f.path.slice(f.path.lastIndexOf("/") + 1);
  for (const l of f.lines) {
    if (l.kind !== "job") continue;
    const command = l.command?.text.trim();
    const spec: JobSpec = { text: l.schedule.text, syntax: "cron", file: f.path, line: l.line };
    if (l.problem) spec.error = l.problem.message;
    const job: ScheduleJob = {
      id: `${f.path}:${l.line}`,
      kind: "crontab",
      label: `${base}:${l.line} ${shorten(command?.split(/\s+/)[0]?.replace(/^.*\//, "") ?? "", 24)}`.trim(),
      file: f.path,
      line: l.line,
      specs: [spec],
      relative: [],
      accuracyUsec: 0,
      randomizedDelayUsec: 0,
      fixedRandomDelay: false,
      persistent: false,
    };
    if (command) job.runs = command;
    if (l.cron?.special === "@reboot") {
      job.specs = [];
      job.relative = [{ key: "@reboot", value: "@reboot", line: l.line, meaning: "once when cron starts after boot" }];
      job.silent = "relative-only";
      job.why = "@reboot: once when cron starts after boot";
    }
    const tz = [...l.env].reverse().find((e) => e.name.text === "CRON_TZ");
    if (tz) job.cronTz = tz.value.text;
    out.push(job);
  }
  return out;
}

function jsonJobs(f: JobsFile): ScheduleJob[] {
  const out: ScheduleJob[] = [];
  const lineOf = (offset: number) => f.source.positionAt(offset).line;
  f.jobs.forEach((node, i) => {
    const v = readJob(node);
    const name = v.str("name") ?? `job ${i + 1}`;
    const specs: JobSpec[] = v.schedules().map((s) => ({ text: s.text, syntax: "cron", file: f.path, line: lineOf(s.node.range.start) }));
    const runs = v.str("command") ?? v.str("script") ?? v.str("template");
    const job: ScheduleJob = {
      id: `${f.path}#${name}`,
      kind: "job",
      label: name,
      file: f.path,
      line: specs[0]?.line ?? lineOf(node.range.start),
      specs,
      relative: [],
      accuracyUsec: 0,
      randomizedDelayUsec: 0,
      fixedRandomDelay: false,
      persistent: false,
    };
    if (runs) job.runs = runs;
    const enabled = member(node, "enabled")?.value;
    if (enabled?.type === "boolean" && !enabled.value) {
      job.silent = "disabled";
      job.why = '"enabled": false';
    }
    out.push(job);
  });
  return out;
}

export interface ScheduleInputs {
  units: UnitSet;
  scheduleFiles: ScheduleFile[];
  /** Units linked from `*.wants/` folders among the inputs (enabled). */
  enabled?: readonly string[];
  /** When set, only timers whose unit file is among these paths are jobs (the others are context: units a timer may start). */
  given?: ReadonlySet<string>;
  /** Names of other units that exist (read but not parsed, e.g. services): a timer's Unit= found here is not missing. */
  knownUnits?: ReadonlySet<string>;
}

/** Every job of the inputs, in input order: timers, then crontab lines, then JSON jobs. */
export function collectJobs(inputs: ScheduleInputs): ScheduleJob[] {
  const enabled = new Set(inputs.enabled ?? []);
  const jobs: ScheduleJob[] = [];
  const seen = new Set<string>();
  for (const u of inputs.units.units) {
    if (inputs.given && !(u.main && inputs.given.has(u.main.path))) continue;
    const j = timerJob(u, inputs.units, enabled, inputs.knownUnits ?? new Set());
    // the same timer twice (a copy in another folder of the run) is one job
    if (j && !seen.has(j.id)) {
      seen.add(j.id);
      jobs.push(j);
    }
  }
  for (const f of inputs.scheduleFiles) if (f.kind === "crontab") jobs.push(...crontabJobs(f));
  for (const f of inputs.scheduleFiles) if (f.kind === "jobs") jobs.push(...jsonJobs(f));
  // two JSON jobs of one name in one file still get a row each
  const ids = new Map<string, number>();
  for (const j of jobs) {
    const n = (ids.get(j.id) ?? 0) + 1;
    ids.set(j.id, n);
    if (n > 1) j.id += `~${n}`;
  }
  return jobs;
}
