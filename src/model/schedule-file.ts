import { crontabFormatFor, parseCrontab, type CrontabFile } from "../crontab/index.js";
import { parseJobsFile, type JobsFile } from "../jobs/index.js";

/**
 * Files with schedules that are not unit files: crontabs and scheduler JSON
 * job files. They are parsed by their own parsers and checked by the rules'
 * `checkCrontab` / `checkJobs` hooks; they are not part of the UnitSet.
 */
export type ScheduleFile = CrontabFile | JobsFile;

/** `crontab`: a user crontab (no user field); `system-crontab`: /etc/crontab, /etc/cron.d/*; `jobs`: a JSON job file. */
export type ScheduleKind = "crontab" | "system-crontab" | "jobs";

export const SCHEDULE_KINDS: readonly string[] = ["crontab", "system-crontab", "jobs"];

/**
 * What the path (and for a file named `crontab`, its jobs) says a file is, when it is not a unit file; JSON job
 * files are then recognised by shape.
 */
export function scheduleKindOf(path: string, text?: string): ScheduleKind | undefined {
  const crontab = crontabFormatFor(path, text);
  if (crontab === "system") return "system-crontab";
  if (crontab === "user") return "crontab";
  if (/\.json$/i.test(path)) return "jobs";
  return undefined;
}

export function parseScheduleFile(path: string, text: string, kind: ScheduleKind): ScheduleFile {
  if (kind === "jobs") return parseJobsFile(text, path);
  return parseCrontab(text, path, kind === "crontab" ? "user" : "system");
}
