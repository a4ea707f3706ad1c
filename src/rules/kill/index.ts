import type { Rule } from "../types.js";
import jvmStopExitCode from "./jvm-stop-exit-code.js";
import killModeProcess from "./kill-mode-process.js";
import redundantExitStatus from "./redundant-exit-status.js";
import unsafeStopSignals from "./unsafe-stop-signals.js";

export const killRules: Rule[] = [jvmStopExitCode, killModeProcess, redundantExitStatus, unsafeStopSignals];
