import type { Rule } from "../types.js";
import killModeProcess from "./kill-mode-process.js";
import unsafeStopSignals from "./unsafe-stop-signals.js";

export const killRules: Rule[] = [killModeProcess, unsafeStopSignals];
