import type { Rule } from "../types.js";
import eitherDay from "./either-day.js";
import invalidSchedule from "./invalid-schedule.js";
import missingCommand from "./missing-command.js";
import missingFinalNewline from "./missing-final-newline.js";
import percentInCommand from "./percent-in-command.js";
import scheduleNeverFires from "./schedule-never-fires.js";
import simultaneousJobs from "./simultaneous-jobs.js";
import unknownUser from "./unknown-user.js";
import variableInEnvironment from "./variable-in-environment.js";

export const crontabRules: Rule[] = [
  eitherDay,
  invalidSchedule,
  missingCommand,
  missingFinalNewline,
  percentInCommand,
  scheduleNeverFires,
  simultaneousJobs,
  unknownUser,
  variableInEnvironment,
];
