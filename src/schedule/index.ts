/**
 * `unitlint schedule`'s model and renderers: pure functions of parsed files,
 * usable from the CLI and the browser playground alike.
 */
export type * from "./model.js";
export { collectJobs, type ScheduleInputs } from "./jobs.js";
export { buildSchedule, type BuildOptions } from "./build.js";
export { formatWall, isoWall, wallOf, offsetText } from "./time.js";
export { renderTerminal, jobSummary, whyText, type TerminalOptions } from "./render-terminal.js";
export { renderJson, scheduleJson, type ScheduleJson } from "./render-json.js";
export { renderHtml, escapeHtml } from "./render-html.js";
export { renderIcs, icsText, foldLine } from "./render-ics.js";
