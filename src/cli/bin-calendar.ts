import { calendarCommandModulesFor } from "./commands/calendar-commands.js";
import { runCli } from "./run.js";
import { tuneTieringForShortRuns } from "../node/v8-flags.js";

// dist/calendar.cjs: the bundle the bin (loader.cjs) runs for `calendar`, `next` and `timespan`.
tuneTieringForShortRuns();
runCli(calendarCommandModulesFor);
