import type { Rule } from "../types.js";
import afterWithoutWants from "./after-without-wants.js";

export const dependenciesRules: Rule[] = [afterWithoutWants];
