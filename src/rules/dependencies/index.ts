import type { Rule } from "../types.js";
import afterWithoutWants from "./after-without-wants.js";
import memberNotPulledIn from "./member-not-pulled-in.js";
import orderingCycle from "./ordering-cycle.js";
import requiresWithoutAfter from "./requires-without-after.js";
import unknownUnit from "./unknown-unit.js";

export const dependenciesRules: Rule[] = [afterWithoutWants, memberNotPulledIn, orderingCycle, requiresWithoutAfter, unknownUnit];
