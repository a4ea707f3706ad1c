export type { CrontabFile, CrontabFormat, CrontabLine, EnvLine, JobLine, CommentLine, BlankLine, Spanned, ScheduleProblem } from "./model.js";
export { parseCrontab } from "./parse.js";
export { splitCommand, type CronCommand } from "./command.js";
export { crontabFormatFor, looksLikeUserCrontab } from "./recognize.js";
