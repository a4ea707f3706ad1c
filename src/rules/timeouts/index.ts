import type { Rule } from "../types.js";
import infiniteTimeout from "./infinite-timeout.js";
import oneshotWithoutTimeout from "./oneshot-without-timeout.js";
import stopShorterThanGrace from "./stop-shorter-than-grace.js";

export const timeoutsRules: Rule[] = [infiniteTimeout, oneshotWithoutTimeout, stopShorterThanGrace];
