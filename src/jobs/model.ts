import type { SourceText } from "../core/source.js";
import type { JsonMember, JsonNode, JsonParseResult } from "../parser/json.js";

/**
 * How a JSON file holds job definitions of the OpenTofu Workspace Scheduler: one job object (a file in a
 * `jobs/` folder), an array of jobs, or a workspace file with a `jobs` array.
 * `unrecognized` files are JSON of some other kind and get no job findings.
 */
export type JobsShape = "job" | "job-list" | "workspace" | "unrecognized" | "invalid-json";

export type JobObject = Extract<JsonNode, { type: "object" }>;

/** A job-system cron field outside a job (a workspace's deploy_schedule / destroy_schedule). */
export interface ExtraSchedule {
  member: JsonMember;
}

export interface JobsFile {
  kind: "jobs";
  path: string;
  source: SourceText;
  json: JsonParseResult;
  shape: JobsShape;
  /** The job objects in file order (non-object entries of a jobs array are left out; rules see them in `entries`). */
  jobs: JobObject[];
  /** Every element of the jobs array (or the single job), to report entries that are not objects. */
  entries: JsonNode[];
  extraSchedules: ExtraSchedule[];
}
