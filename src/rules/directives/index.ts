import type { Rule } from "../types.js";
import deprecatedDirective from "./deprecated-directive.js";
import duplicateDirective from "./duplicate-directive.js";
import newerThanTarget from "./newer-than-target.js";
import unknownDirective from "./unknown-directive.js";
import wrongSection from "./wrong-section.js";

export const directivesRules: Rule[] = [deprecatedDirective, duplicateDirective, newerThanTarget, unknownDirective, wrongSection];
