import type { Rule } from "../types.js";
import memoryLimitsOrder from "./memory-limits-order.js";
import resourceRanges from "./resource-ranges.js";

export const resourcesRules: Rule[] = [memoryLimitsOrder, resourceRanges];
