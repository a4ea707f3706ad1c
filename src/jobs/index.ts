export { parseJson, member, type JsonNode, type JsonMember, type JsonParseResult } from "./json.js";
export type { JobsFile, JobsShape, JobObject, ExtraSchedule } from "./model.js";
export { parseJobsFile, looksLikeJob } from "./parse.js";
export { JOB_TYPES, readJob, type JobView } from "./job.js";
