import type { Rule } from "./types.js";
import { calendarRules } from "./calendar/index.js";
import { crontabRules } from "./crontab/index.js";
import { jobsRules } from "./jobs/index.js";
import { dependenciesRules } from "./dependencies/index.js";
import { directivesRules } from "./directives/index.js";
import { execRules } from "./exec/index.js";
import { hardeningRules } from "./hardening/index.js";
import { identityRules } from "./identity/index.js";
import { installRules } from "./install/index.js";
import { killRules } from "./kill/index.js";
import { loadingRules } from "./loading/index.js";
import { namingRules } from "./naming/index.js";
import { resourcesRules } from "./resources/index.js";
import { restartRules } from "./restart/index.js";
import { suppressionsRules } from "./suppressions/index.js";
import { syntaxRules } from "./syntax/index.js";
import { timeoutsRules } from "./timeouts/index.js";
import { timersRules } from "./timers/index.js";
import { valuesRules } from "./values/index.js";

/**
 * Every rule, family by family. Each family folder has an index.ts that lists
 * its rule modules; a new family adds one line here.
 */
export const allRules: Rule[] = [
  ...syntaxRules,
  ...namingRules,
  ...directivesRules,
  ...valuesRules,
  ...calendarRules,
  ...dependenciesRules,
  ...timersRules,
  ...installRules,
  ...execRules,
  ...loadingRules,
  ...killRules,
  ...restartRules,
  ...timeoutsRules,
  ...resourcesRules,
  ...identityRules,
  ...hardeningRules,
  ...suppressionsRules,
  ...crontabRules,
  ...jobsRules,
].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1));

export const rulesById: ReadonlyMap<string, Rule> = new Map(allRules.map((r) => [r.meta.id, r]));
