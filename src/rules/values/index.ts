import type { Rule } from "../types.js";
import deprecatedValue from "./deprecated-value.js";
import invalidValue from "./invalid-value.js";
import unknownSpecifier from "./unknown-specifier.js";

export const valuesRules: Rule[] = [deprecatedValue, invalidValue, unknownSpecifier];
