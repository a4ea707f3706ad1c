import capabilityBoundingSet from "./capability-bounding-set.js";
import exposure from "./exposure.js";
import lockPersonality from "./lock-personality.js";
import memoryDenyWriteExecute from "./memory-deny-write-execute.js";
import noNewPrivileges from "./no-new-privileges.js";
import privateDevices from "./private-devices.js";
import privateTmpShared from "./private-tmp-shared.js";
import privateTmp from "./private-tmp.js";
import protectClock from "./protect-clock.js";
import protectControlGroups from "./protect-control-groups.js";
import protectHome from "./protect-home.js";
import protectHostname from "./protect-hostname.js";
import protectKernel from "./protect-kernel.js";
import protectProc from "./protect-proc.js";
import protectSystemStrictWithoutWrites from "./protect-system-strict-without-writes.js";
import protectSystem from "./protect-system.js";
import restrictAddressFamilies from "./restrict-address-families.js";
import restrictNamespaces from "./restrict-namespaces.js";
import restrictRealtime from "./restrict-realtime.js";
import restrictSuidSgid from "./restrict-suid-sgid.js";
import systemCallFilter from "./system-call-filter.js";
import umask from "./umask.js";
import type { Rule } from "../types.js";

export const hardeningRules: Rule[] = [
  capabilityBoundingSet,
  exposure,
  lockPersonality,
  memoryDenyWriteExecute,
  noNewPrivileges,
  privateDevices,
  privateTmpShared,
  privateTmp,
  protectClock,
  protectControlGroups,
  protectHome,
  protectHostname,
  protectKernel,
  protectProc,
  protectSystemStrictWithoutWrites,
  protectSystem,
  restrictAddressFamilies,
  restrictNamespaces,
  restrictRealtime,
  restrictSuidSgid,
  systemCallFilter,
  umask,
];
