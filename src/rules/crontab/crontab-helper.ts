import type { JobLine } from "../../crontab/index.js";
import type { CrontabFile } from "../../crontab/index.js";

/** Job lines whose schedule parsed. */
export function parsedJobs(file: CrontabFile): (JobLine & { cron: NonNullable<JobLine["cron"]> })[] {
  return file.lines.filter((l): l is JobLine & { cron: NonNullable<JobLine["cron"]> } => l.kind === "job" && l.cron !== undefined);
}

export function jobLines(file: CrontabFile): JobLine[] {
  return file.lines.filter((l): l is JobLine => l.kind === "job");
}
