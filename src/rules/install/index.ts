import type { Rule } from "../types.js";
import aliasTypeMismatch from "./alias-type-mismatch.js";
import systemTargetInUserUnit from "./system-target-in-user-unit.js";
import templateWithoutDefaultInstance from "./template-without-default-instance.js";
import unreachableTarget from "./unreachable-target.js";

export const installRules: Rule[] = [aliasTypeMismatch, systemTargetInUserUnit, templateWithoutDefaultInstance, unreachableTarget];
