import { calendarCommandModulesFor } from "./commands/calendar-commands.js";
import { runCli } from "./run.js";

// dist/calendar.cjs: the bundle the bin (loader.cjs) runs for `calendar`, `next` and `timespan`.
runCli(calendarCommandModulesFor);
