import type { Rule } from "../types.js";
import afterWithoutWants from "./after-without-wants.js";
import defaultDependenciesOff from "./default-dependencies-off.js";
import memberNotBound from "./member-not-bound.js";
import memberNotPulledIn from "./member-not-pulled-in.js";
import networkTargetMisuse from "./network-target-misuse.js";
import oneshotWithoutRemain from "./oneshot-without-remain.js";
import orderingCycle from "./ordering-cycle.js";
import requiresWithoutAfter from "./requires-without-after.js";
import unknownUnit from "./unknown-unit.js";

export const dependenciesRules: Rule[] = [
  afterWithoutWants,
  defaultDependenciesOff,
  memberNotBound,
  memberNotPulledIn,
  networkTargetMisuse,
  oneshotWithoutRemain,
  orderingCycle,
  requiresWithoutAfter,
  unknownUnit,
];
