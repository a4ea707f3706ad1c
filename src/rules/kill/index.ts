import type { Rule } from "../types.js";
import killModeProcess from "./kill-mode-process.js";

export const killRules: Rule[] = [killModeProcess];
