import { SourceText } from "../core/source.js";
import { member, parseJson, type JsonNode } from "../parser/json.js";
import type { ExtraSchedule, JobObject, JobsFile, JobsShape } from "./model.js";

const isObject = (n: JsonNode | undefined): n is JobObject => n?.type === "object";

/** A job object by its shape: a `schedule` plus something only jobs have (type, or a script/command/template body). */
export function looksLikeJob(n: JsonNode | undefined): boolean {
  if (!isObject(n) || !member(n, "schedule")) return false;
  return ["type", "script", "command", "template"].some((k) => member(n, k));
}

const WORKSPACE_SCHEDULES = ["deploy_schedule", "destroy_schedule"];

function classify(root: JsonNode): { shape: JobsShape; entries: JsonNode[]; extra: ExtraSchedule[] } {
  const none = { shape: "unrecognized" as const, entries: [], extra: [] };
  if (looksLikeJob(root)) return { shape: "job", entries: [root], extra: [] };
  if (root.type === "array") {
    return root.items.length > 0 && root.items.every(isObject) && root.items.some(looksLikeJob) ? { shape: "job-list", entries: root.items, extra: [] } : none;
  }
  if (root.type === "object") {
    const jobs = member(root, "jobs")?.value;
    const extra = WORKSPACE_SCHEDULES.map((k) => member(root, k))
      .filter((m) => m !== undefined)
      .map((m) => ({ member: m }));
    if (jobs?.type !== "array") return none;
    // a workspace: its jobs look like jobs, or it is empty but carries the workspace's own schedules
    if (jobs.items.some(looksLikeJob) || (jobs.items.length === 0 && extra.length > 0)) return { shape: "workspace", entries: jobs.items, extra };
  }
  return none;
}

/** Parse a JSON file and find the scheduler's jobs in it by shape. Never throws. */
export function parseJobsFile(text: string, path: string): JobsFile {
  const source = new SourceText(path, text);
  const json = parseJson(text);
  if (!json.ok) return { kind: "jobs", path, source, json, shape: "invalid-json", jobs: [], entries: [], extraSchedules: [] };
  const { shape, entries, extra } = classify(json.value);
  return { kind: "jobs", path, source, json, shape, jobs: entries.filter(isObject), entries, extraSchedules: extra };
}
