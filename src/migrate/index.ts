export type { GeneratedFile, JobPlan, MigrationNote, MigrationResult } from "./plan.js";
export { migrateCrontab, type CrontabMigrationOptions } from "./from-crontab.js";
export { migrateJobs, type JobsMigrationOptions } from "./from-jobs.js";
