import type { Rule } from "./types.js";
import { namingRules } from "./naming/index.js";
import { syntaxRules } from "./syntax/index.js";

/**
 * Every rule, family by family. Each family folder has an index.ts that lists
 * its rule modules; a new family adds one line here.
 */
export const allRules: Rule[] = [...syntaxRules, ...namingRules].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1));

export const rulesById: ReadonlyMap<string, Rule> = new Map(allRules.map((r) => [r.meta.id, r]));
