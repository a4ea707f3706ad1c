import type { Rule } from "../types.js";
import missingTrigger from "./missing-trigger.js";
import persistentWithoutCalendar from "./persistent-without-calendar.js";
import serviceAlsoEnabled from "./service-also-enabled.js";
import unitNotFound from "./unit-not-found.js";

export const timersRules: Rule[] = [missingTrigger, persistentWithoutCalendar, serviceAlsoEnabled, unitNotFound];
