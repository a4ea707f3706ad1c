export { parseJson, member, stringValueRange, type JsonNode, type JsonMember, type JsonParseResult } from "../parser/json.js";
export type { JobsFile, JobsShape, JobObject, ExtraSchedule } from "./model.js";
export { parseJobsFile, looksLikeJob } from "./parse.js";
export { JOB_TYPES, FIELD_TYPES, REQUIRED_FIELDS, readJob, goDurationUsec, type JobView, type ScheduleValue } from "./job.js";
