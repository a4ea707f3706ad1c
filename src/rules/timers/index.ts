import type { Rule } from "../types.js";
import accuracyTooCoarse from "./accuracy-too-coarse.js";
import missingTrigger from "./missing-trigger.js";
import notInstallable from "./not-installable.js";
import persistentWithoutCalendar from "./persistent-without-calendar.js";
import serviceAlsoEnabled from "./service-also-enabled.js";
import simultaneousTimers from "./simultaneous-timers.js";
import unitNotFound from "./unit-not-found.js";
import unitRelativeOnly from "./unit-relative-only.js";

export const timersRules: Rule[] = [
  accuracyTooCoarse,
  missingTrigger,
  notInstallable,
  persistentWithoutCalendar,
  serviceAlsoEnabled,
  simultaneousTimers,
  unitNotFound,
  unitRelativeOnly,
];
