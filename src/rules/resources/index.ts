import type { Rule } from "../types.js";
import memoryLimitsOrder from "./memory-limits-order.js";

export const resourcesRules: Rule[] = [memoryLimitsOrder];
