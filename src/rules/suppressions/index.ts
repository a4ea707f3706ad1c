import type { Rule } from "../types.js";
import unusedDisable from "./unused-disable.js";

export const suppressionsRules: Rule[] = [unusedDisable];
