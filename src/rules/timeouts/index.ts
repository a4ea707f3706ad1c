import type { Rule } from "../types.js";
import oneshotWithoutTimeout from "./oneshot-without-timeout.js";

export const timeoutsRules: Rule[] = [oneshotWithoutTimeout];
