import type { Rule } from "../types.js";
import dynamicUserConflicts from "./dynamic-user-conflicts.js";
import groupWithoutUser from "./group-without-user.js";
import runsAsRoot from "./runs-as-root.js";
import secretInEnvironment from "./secret-in-environment.js";

export const identityRules: Rule[] = [dynamicUserConflicts, groupWithoutUser, runsAsRoot, secretInEnvironment];
