import type { Rule } from "../types.js";
import scheduleWarning from "./schedule-warning.js";

export const calendarRules: Rule[] = [scheduleWarning];
