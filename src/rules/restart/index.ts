import type { Rule } from "../types.js";
import oneshotRestart from "./oneshot-restart.js";

export const restartRules: Rule[] = [oneshotRestart];
