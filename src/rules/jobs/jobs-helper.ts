import { readJob, type JobView, type JobsFile, type ScheduleValue } from "../../jobs/index.js";

export function jobViews(file: JobsFile): JobView[] {
  return file.jobs.map(readJob);
}

/** Every cron string of the file: each job's schedules and a workspace's deploy/destroy schedules. */
export function allSchedules(file: JobsFile): ScheduleValue[] {
  const out: ScheduleValue[] = [];
  for (const job of jobViews(file)) out.push(...job.schedules());
  for (const { member } of file.extraSchedules) if (member.value.type === "string") out.push({ text: member.value.value, node: member.value });
  return out;
}

/** Where to point at a whole job: its opening brace. */
export const jobStart = (job: JobView) => ({ start: job.node.range.start, end: job.node.range.start + 1 });
