import type { Rule } from "../types.js";
import oneshotRestart from "./oneshot-restart.js";
import restartStorm from "./restart-storm.js";

export const restartRules: Rule[] = [oneshotRestart, restartStorm];
