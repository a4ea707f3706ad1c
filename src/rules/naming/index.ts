import type { Rule } from "../types.js";
import invalidUnitName from "./invalid-unit-name.js";
import mountNameMismatch from "./mount-name-mismatch.js";

export const namingRules: Rule[] = [invalidUnitName, mountNameMismatch];
