import type { Rule } from "../types.js";
import systemTargetInUserUnit from "./system-target-in-user-unit.js";

export const installRules: Rule[] = [systemTargetInUserUnit];
