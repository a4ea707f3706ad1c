import type { Rule } from "../types.js";
import deprecatedValue from "./deprecated-value.js";
import invalidValue from "./invalid-value.js";

export const valuesRules: Rule[] = [deprecatedValue, invalidValue];
