import type { Rule } from "../types.js";
import duplicateName from "./duplicate-name.js";
import invalidJson from "./invalid-json.js";
import invalidSchedule from "./invalid-schedule.js";
import invalidTimeout from "./invalid-timeout.js";
import missingField from "./missing-field.js";
import scheduleNeverFires from "./schedule-never-fires.js";
import secretInEnvironment from "./secret-in-environment.js";
import unknownField from "./unknown-field.js";
import unknownType from "./unknown-type.js";
import wrongFieldType from "./wrong-field-type.js";

export const jobsRules: Rule[] = [
  duplicateName,
  invalidJson,
  invalidSchedule,
  invalidTimeout,
  missingField,
  scheduleNeverFires,
  secretInEnvironment,
  unknownField,
  unknownType,
  wrongFieldType,
];
