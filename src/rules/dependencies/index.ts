import type { Rule } from "../types.js";
import afterWithoutWants from "./after-without-wants.js";
import orderingCycle from "./ordering-cycle.js";

export const dependenciesRules: Rule[] = [afterWithoutWants, orderingCycle];
