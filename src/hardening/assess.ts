import { SECURITY_CHECK_ROWS } from "../knowledge/security-checks.generated.js";
import type { EffectiveUnit } from "../model/effective-unit.js";
import { capabilityMask, loadSandbox, NAMESPACES, type BoolSetting, type Sandbox } from "./sandbox.js";
import { effectiveFilterSet, permittedMember } from "./syscall-filter.js";
import { CHECK_TEXT } from "./check-text.js";

/** One check of `systemd-analyze security` (src/analyze/analyze-security.c, systemd 252). */
export interface SecurityCheck {
  id: string;
  jsonField: string;
  weight: number;
  range: number;
  kind: string;
  parameter: string;
  skipWithoutDefaultDeps: boolean;
}

export const SECURITY_CHECKS: readonly SecurityCheck[] = SECURITY_CHECK_ROWS.map((r) => ({
  id: r[0],
  jsonField: r[1],
  weight: r[2],
  range: r[3],
  kind: r[4],
  parameter: r[5],
  skipWithoutDefaultDeps: r[6] === 1,
}));

export interface CheckResult {
  check: SecurityCheck;
  /** 0 = secure … range = fully exposed; null = not applicable (left out of the score). */
  badness: number | null;
  description: string;
  /** This check's share of the overall exposure, in tenths (systemd's "EXPOSURE" column); null when 0 or n/a. */
  exposure: number | null;
}

export type Rating = "PERFECT" | "SAFE" | "OK" | "MEDIUM" | "EXPOSED" | "UNSAFE" | "DANGEROUS";

export interface Assessment {
  unit: string;
  /** Overall exposure in tenths: 0…100 (printed as 0.0…10.0). */
  exposure: number;
  rating: Rating;
  checks: CheckResult[];
  sandbox: Sandbox;
}

const RATINGS: Array<[number, Rating]> = [
  [100, "DANGEROUS"],
  [90, "UNSAFE"],
  [75, "EXPOSED"],
  [50, "MEDIUM"],
  [10, "OK"],
  [1, "SAFE"],
  [0, "PERFECT"],
];

export function ratingOf(exposure: number): Rating {
  return RATINGS.find(([min]) => exposure >= min)![1];
}

export function formatExposure(tenths: number): string {
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

/** The exposure of a unit as `systemd-analyze security --offline=true` computes it; null for units without an execution context. */
export function assessUnit(u: EffectiveUnit, mode: "system" | "user" = "system"): Assessment | null {
  const sandbox = loadSandbox(u, mode);
  if (!sandbox) return null;
  // systemd-analyze loads a template as its instance "i"
  const n = u.name;
  return assessSandbox(n.isTemplate && n.type ? `${n.prefix}@i.${n.type}` : n.name, sandbox);
}

function assessSandbox(unit: string, s: Sandbox): Assessment {
  const partial: Array<{ check: SecurityCheck; badness: number | null; description: string }> = [];
  let badnessSum = 0;
  let weightSum = 0;
  for (const check of SECURITY_CHECKS) {
    let badness: number | null;
    let description: string;
    if (check.skipWithoutDefaultDeps && !s.defaultDependencies) {
      badness = null;
      description = "Not applicable: the unit runs in an early boot phase (DefaultDependencies=no)";
    } else {
      const r = evaluate(check, s);
      badness = r.badness;
      const text = CHECK_TEXT[check.jsonField];
      description = r.description ?? (badness === null ? text?.na : badness === 0 ? text?.good : text?.bad) ?? check.id;
    }
    if (badness !== null) {
      badnessSum += Math.ceil((badness * check.weight) / check.range);
      weightSum += check.weight;
    }
    partial.push({ check, badness, description });
  }
  const exposure = Math.ceil((badnessSum * 100) / weightSum);
  const checks = partial.map((p) => ({
    ...p,
    exposure: p.badness ? Math.ceil(Math.ceil((p.badness * p.check.weight * 100) / p.check.range) / weightSum) : null,
  }));
  return { unit, exposure, rating: ratingOf(exposure), checks, sandbox: s };
}

const BOOL_FIELDS: Record<string, BoolSetting> = {
  PrivateDevices: "PrivateDevices",
  PrivateMounts: "PrivateMounts",
  PrivateNetwork: "PrivateNetwork",
  PrivateTmp: "PrivateTmp",
  PrivateUsers: "PrivateUsers",
  ProtectControlGroups: "ProtectControlGroups",
  ProtectKernelModules: "ProtectKernelModules",
  ProtectKernelTunables: "ProtectKernelTunables",
  ProtectKernelLogs: "ProtectKernelLogs",
  ProtectClock: "ProtectClock",
  ProtectHostname: "ProtectHostname",
  LockPersonality: "LockPersonality",
  MemoryDenyWriteExecute: "MemoryDenyWriteExecute",
  NoNewPrivileges: "NoNewPrivileges",
  Delegate: "Delegate",
  RestrictRealtime: "RestrictRealtime",
  RestrictSUIDSGID: "RestrictSUIDSGID",
};

const AF_FIELDS: Record<string, keyof Sandbox["afRestricted"]> = {
  RestrictAddressFamilies_AF_INET_INET6: "inet",
  RestrictAddressFamilies_AF_UNIX: "unix",
  RestrictAddressFamilies_AF_NETLINK: "netlink",
  RestrictAddressFamilies_AF_PACKET: "packet",
  RestrictAddressFamilies_OTHER: "other",
};

/** Runs as root: User= unset, empty, root or 0, and no DynamicUser=. */
export function runsPrivileged(s: Sandbox): boolean {
  if (s.user === "0" || s.user === "root") return true;
  if (s.flags.DynamicUser) return false;
  return !s.user;
}

const capMaskCache = new Map<string, bigint>();

function evaluate(c: SecurityCheck, s: Sandbox): { badness: number | null; description?: string } {
  switch (c.kind) {
    case "bool": {
      const af = AF_FIELDS[c.jsonField];
      if (af) return { badness: s.afRestricted[af] ? 0 : 1 };
      const flag = s.flags[BOOL_FIELDS[c.jsonField]!];
      return { badness: c.parameter === "true" ? (flag ? 1 : 0) : flag ? 0 : 1 };
    }
    case "user":
      if (s.user === "nobody") return { badness: 9, description: "Runs as the shared 'nobody' user, which no service should use" };
      if (s.flags.DynamicUser && s.user !== "0" && s.user !== "root")
        return { badness: 0, description: "Runs under a transient non-root user (DynamicUser=yes)" };
      if (s.user && s.user !== "0" && s.user !== "root") return { badness: 0, description: "Runs under a static non-root user" };
      return { badness: 10 };
    case "supplementary_groups":
      return { badness: runsPrivileged(s) ? null : s.supplementaryGroups.length > 0 ? 1 : 0 };
    case "remove_ipc":
      return { badness: runsPrivileged(s) ? null : s.flags.RemoveIPC ? 0 : 1 };
    case "protect_home": {
      const v = s.protectHome;
      if (v === "yes") return { badness: 0, description: "Home directories are invisible to the service" };
      if (v === "read-only") return { badness: 5, description: "Home directories are readable by the service" };
      if (v === "tmpfs") return { badness: 1, description: "The service sees empty home directories" };
      return { badness: 10, description: "The service may read and write every home directory" };
    }
    case "protect_system": {
      const v = s.protectSystem;
      if (v === "strict") return { badness: 0, description: "The whole OS tree is read-only for the service" };
      if (v === "full") return { badness: 3, description: "/usr, /boot and /etc are read-only; other OS paths are writable" };
      if (v === "yes") return { badness: 5, description: "/usr and /boot are read-only; /etc and the rest are writable" };
      return { badness: 10, description: "The service may write anywhere in the OS tree" };
    }
    case "root_directory": {
      const isRoot = (p: string | null) => !p || /^\/+$/.test(p);
      return { badness: isRoot(s.rootDirectory) && isRoot(s.rootImage) ? 1 : 0 };
    }
    case "capability_bounding_set": {
      let mask = capMaskCache.get(c.parameter);
      if (mask === undefined) capMaskCache.set(c.parameter, (mask = capabilityMask(c.parameter.split(" "))));
      return { badness: (s.capabilityBoundingSet & mask) !== 0n ? 1 : 0 };
    }
    case "umask": {
      const m = s.umask;
      if (!(m & 0o002)) return { badness: 10, description: "New files are world-writable" };
      if (!(m & 0o004)) return { badness: 5, description: "New files are world-readable" };
      if (!(m & 0o020)) return { badness: 2, description: "New files are group-writable" };
      if (!(m & 0o040)) return { badness: 1, description: "New files are group-readable" };
      return { badness: 0, description: "New files are accessible to the service's own user only" };
    }
    case "keyring_mode":
      return { badness: s.keyringMode === "private" ? 0 : 1 };
    case "protect_proc":
      return { badness: s.protectProc === "noaccess" ? 1 : s.protectProc === "invisible" || s.protectProc === "ptraceable" ? 0 : 3 };
    case "proc_subset":
      return { badness: s.procSubset === "pid" ? 0 : 1 };
    case "notify_access":
      return { badness: s.notifyAccess === "all" ? 1 : 0 };
    case "restrict_namespaces":
      return { badness: s.namespacesAllowed & NAMESPACES[c.parameter]! ? 1 : 0 };
    case "system_call_architectures": {
      const a = s.syscallArchitectures;
      if (a.size === 0) return { badness: 10, description: "System calls of every ABI are allowed" };
      if (a.size === 1 && a.has("native")) return { badness: 0, description: "Only native-ABI system calls are allowed" };
      return { badness: 8, description: "System calls of several ABIs are allowed" };
    }
    case "system_call_filter": {
      const f = s.syscallFilter;
      const set = effectiveFilterSet(f);
      if (!f.allowList && set.size === 0) return { badness: 10, description: "No system call filter" };
      const hit = permittedMember(f, set, c.parameter);
      if (f.allowList)
        return hit
          ? { badness: 9, description: `The allow list lets ${c.parameter} through (${hit}, for one)` }
          : { badness: 0, description: `The allow list leaves out ${c.parameter}` };
      return hit
        ? { badness: 10, description: `The deny list does not cover ${c.parameter} (${hit}, for one)` }
        : { badness: 0, description: `The deny list covers ${c.parameter}` };
    }
    case "ip_address_allow":
      if (s.ipCustomFilters) return { badness: 0, description: "Custom BPF programs filter its IP traffic" };
      if (!s.ipDenyAll) return { badness: 10, description: "No IP address allow list" };
      if (s.ipAllowOther) return { badness: 5, description: "IP allow list with addresses beyond localhost" };
      if (s.ipAllowLocalhost) return { badness: 2, description: "IP allow list with localhost only" };
      return { badness: 0, description: "Every IP address is blocked" };
    case "device_allow":
      if (s.devicePolicy === "strict" || s.devicePolicy === "closed")
        return s.deviceAllow.length
          ? { badness: 5, description: `Device access list allows some devices: ${s.deviceAllow.join(" ")}` }
          : { badness: 0, description: "Device access list with the basic pseudo devices only" };
      return { badness: 10, description: "No device access list" };
    case "ambient_capabilities":
      return { badness: s.ambientCapabilities !== 0n ? 1 : 0 };
    default:
      throw new Error(`unknown security check kind ${c.kind}`);
  }
}
