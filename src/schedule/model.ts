/**
 * The schedule model of `unitlint schedule`: every job of a set of files
 * (timers with `OnCalendar=`, crontab lines, seed-002 JSON jobs) and its
 * elapses inside a window, computed by the calendar engine, plus what the
 * renderers show beside the timeline (collisions, DST changes, jobs that never
 * fire, busiest hour). Pure: no Node APIs, so the playground builds it too.
 *
 * Times are µs since the epoch, like the calendar engine's.
 */

/** Where a job comes from. */
type JobKind = "timer" | "crontab" | "job";

/** Why a job has no start in the window. */
export type SilentReason =
  /** The spec has no elapse at all (e.g. February 30th). */
  | "never-elapses"
  /** Every elapse is before the window (a date in the past). */
  | "past"
  /** The next elapse is after the window (a yearly job); `next` says when. */
  | "after-window"
  /** A job file's `"enabled": false`. */
  | "disabled"
  /** A timer without [Install] that no `.wants/` folder links: never started after a reboot. */
  | "not-installable"
  /** A template timer (`foo@.timer`): only its instances run, and they are not known. */
  | "template"
  /** No spec parses. */
  | "invalid"
  /** systemd gives up on the spec (1000 search steps). */
  | "gives-up"
  /** Only boot- or activation-relative triggers: shown as relative, not placed on the timeline. */
  | "relative-only";

/** A boot- or activation-relative trigger of a timer (OnBootSec=, OnUnitActiveSec=...). */
export interface RelativeTrigger {
  key: string;
  value: string;
  line: number;
  /** "15min after boot", "every 1h after the service last started"... */
  meaning: string;
}

/** One schedule of a job: an `OnCalendar=` value or a cron expression, where it is written. */
export interface JobSpec {
  text: string;
  syntax: "calendar" | "cron";
  file: string;
  line: number;
  /** The normalized form (calendar specs that parse). */
  normalized?: string;
  /** Why it does not parse or cannot be computed. */
  error?: string;
}

export interface ScheduleJob {
  /** Unique within the model: the timer's name, `path:line` of a crontab line, `path#name` of a JSON job. */
  id: string;
  kind: JobKind;
  /** Short label for the timeline row. */
  label: string;
  file: string;
  line: number;
  /** The unit a timer starts, or the command of a crontab line / JSON job. */
  runs?: string;
  /** A timer's unit is not among the files (it may exist on the host). */
  runsMissing?: boolean;
  specs: JobSpec[];
  relative: RelativeTrigger[];
  /** systemd may start the job this much after each elapse (AccuracySec=, default 1min for timers); µs. */
  accuracyUsec: number;
  /** RandomizedDelaySec=: the start lies somewhere in [elapse, elapse + this]; µs. */
  randomizedDelayUsec: number;
  /** FixedRandomDelay=: the random delay is the same for every elapse on one machine. */
  fixedRandomDelay: boolean;
  /** Persistent=: a run missed while the machine was off is caught up at the next boot. */
  persistent: boolean;
  /** A crontab's CRON_TZ= for this line: its schedule is read in that zone. */
  cronTz?: string;
  /** Set when the job is not placed on the timeline at all. */
  silent?: SilentReason;
  /** Human explanation of `silent` or of an empty window. */
  why?: string;
  /** The first elapse after the window ("after-window"), µs. */
  next?: number;
  /** The last elapse ever, before the window ("past"), µs. */
  last?: number;
  /** Starts the job would have in the window if it ran (disabled, not installable). */
  wouldStart?: number;
  /** The elapses were cut at this many (a job that fires every few seconds). */
  truncated?: boolean;
}

/** One start of a job inside the window. */
export interface ScheduleElapse {
  /** Index into `ScheduleModel.jobs`. */
  job: number;
  /** Index into that job's `specs`. */
  spec: number;
  usec: number;
  /** The latest start systemd may pick: elapse + RandomizedDelaySec= (absent when there is none). */
  latestUsec?: number;
}

/** Jobs that start in the same minute or within one another's AccuracySec= window. */
export interface Collision {
  /** Indexes into `jobs`, in order of first start. */
  jobs: number[];
  /** Every instant (the group's first start, µs) where they meet inside the window. */
  at: number[];
  /** A stagger suggestion per job after the first: minutes later that meet no other start in the window. */
  stagger: { job: number; minutes: number }[];
}

/** A change of the display zone's UTC offset inside the window. */
export interface DstChange {
  /** The instant of the change (µs). */
  usec: number;
  /** UTC offsets before and after, seconds east. */
  fromOffset: number;
  toOffset: number;
  fromAbbr: string;
  toAbbr: string;
  /** "gap": clocks jump forward, local times in between do not exist; "overlap": they repeat. */
  kind: "gap" | "overlap";
  /** Local wall time range skipped or repeated, "02:00" to "03:00". */
  wallFrom: string;
  wallTo: string;
  /** Jobs whose wall time lies in the skipped or repeated range that day and what happens to them. */
  affected: { job: number; effect: "skipped" | "moved" | "repeated" | "once"; detail: string }[];
}

/** The display zone's UTC offset from an instant on (seconds since the epoch). */
export interface OffsetSpan {
  from: number;
  offset: number;
  abbr: string;
}

export interface ScheduleModel {
  /** The window: elapses strictly after `from` up to and including `to`, as systemd-analyze --base-time counts. */
  from: number;
  to: number;
  days: number;
  /** The zone specs without a zone suffix (and crontabs) are read in. */
  zone: string;
  /** The zone's offsets over the window (and a few days either side), first span first: for wall times. */
  offsets: OffsetSpan[];
  jobs: ScheduleJob[];
  /** Sorted by time, then job. */
  elapses: ScheduleElapse[];
  collisions: Collision[];
  dst: DstChange[];
  /** Starts per clock hour of the window in the display zone, first hour (the one holding `from`) first. */
  perHour: { start: number; starts: number; jobs: number }[];
  /** The clock hour with the most starts (the first such), absent when nothing starts. */
  busiest?: { start: number; starts: number; jobs: number };
  /** Starts per hour of the day (0..23, wall clock), summed over the window. */
  perHourOfDay: number[];
}
