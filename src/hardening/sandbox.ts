import type { Assignment, EffectiveUnit } from "../model/effective-unit.js";
import { parseBoolean } from "../values/primitives.js";
import { enumInfo } from "../knowledge/directives.js";
import { splitWords } from "../values/words.js";
import { SECCOMP_ARCHITECTURES } from "../values/name-lists.js";
import { ADDRESS_FAMILIES, CAPABILITIES } from "../knowledge/seccomp.generated.js";
import { parseSyscallFilter, type SyscallFilter } from "./syscall-filter.js";
import { parseIpPrefix } from "./ip.js";

/** Everything `systemd-analyze security` looks at, as systemd 252 loads it (drop-ins applied, implied settings patched in). */
export interface Sandbox {
  unitType: string;
  defaultDependencies: boolean;
  ambientCapabilities: bigint;
  capabilityBoundingSet: bigint;
  user: string | null;
  supplementaryGroups: string[];
  dynamicUser: boolean;
  ipDenyAll: boolean;
  ipAllowLocalhost: boolean;
  ipAllowOther: boolean;
  ipCustomFilters: boolean;
  keyringMode: string | null;
  protectProc: string | null;
  procSubset: string | null;
  notifyAccess: string | null;
  flags: Record<BoolSetting, boolean>;
  protectHome: string | null;
  protectSystem: string | null;
  /** Address families a service may NOT use, by check group. */
  afRestricted: { inet: boolean; unix: boolean; netlink: boolean; packet: boolean; other: boolean };
  /** Namespace types the service may create (bit mask, see NAMESPACES). */
  namespacesAllowed: number;
  rootDirectory: string | null;
  rootImage: string | null;
  devicePolicy: string | null;
  deviceAllow: string[];
  syscallArchitectures: Set<string>;
  syscallFilter: SyscallFilter;
  umask: number;
  /** The assignments that decided each directive, for positions and explanations. */
  sources: Map<string, Assignment[]>;
}

const BOOL_SETTINGS = [
  "LockPersonality",
  "MemoryDenyWriteExecute",
  "NoNewPrivileges",
  "ProtectHostname",
  "PrivateDevices",
  "PrivateMounts",
  "PrivateNetwork",
  "PrivateTmp",
  "PrivateUsers",
  "ProtectControlGroups",
  "ProtectKernelModules",
  "ProtectKernelTunables",
  "ProtectKernelLogs",
  "ProtectClock",
  "RemoveIPC",
  "RestrictRealtime",
  "RestrictSUIDSGID",
  "DynamicUser",
  "Delegate",
] as const;
export type BoolSetting = (typeof BOOL_SETTINGS)[number];

/** clone(2) namespace flags by the names RestrictNamespaces= takes. */
export const NAMESPACES: Record<string, number> = { cgroup: 1, ipc: 2, net: 4, mnt: 8, pid: 16, user: 32, uts: 64 };
const NAMESPACES_ALL = 127;
/** systemd's "never assigned" value: every bit set, so every type counts as allowed. */
const NAMESPACES_INITIAL = -1;

const CAP_ALL = (1n << 64n) - 1n;
const CAP_LAST = 40;

/** Unit types with an execution context, and the section that holds it. */
export const EXEC_SECTIONS: Record<string, string> = { service: "Service", socket: "Socket", mount: "Mount", swap: "Swap" };

/** capability_set_from_string(): names (any case) or numbers; unknown words are skipped. */
function parseCapabilities(text: string): bigint {
  let sum = 0n;
  for (const w of splitWords(text).words) {
    const up = w.text.toUpperCase();
    const n = /^\d+$/.test(w.text) ? Number(w.text) : CAPABILITIES[up.startsWith("CAP_") ? up : "\u0000"];
    if (n !== undefined && n >= 0 && n < 64 && n <= CAP_LAST) sum |= 1n << BigInt(n);
  }
  return sum;
}

export function capabilityMask(names: string[]): bigint {
  return names.reduce((m, n) => m | (1n << BigInt(CAPABILITIES[n]!)), 0n);
}

/** Read a unit the way systemd 252's loader fills ExecContext/CGroupContext, then patch in what other settings imply. */
/**
 * `mode`: the manager that loads the unit. The user manager (`systemctl --user`) starts services with the kernel
 * keyring inherited, the system manager with a private one for services and a shared one for other units.
 */
export function loadSandbox(u: EffectiveUnit, mode: "system" | "user" = "system"): Sandbox | null {
  const type = u.type ?? "";
  const section = EXEC_SECTIONS[type];
  if (!section) return null;
  const sources = new Map<string, Assignment[]>();
  const seen = (a: Assignment) => {
    const list = sources.get(a.key) ?? [];
    list.push(a);
    sources.set(a.key, list);
  };

  const s: Sandbox = {
    unitType: type,
    defaultDependencies: true,
    ambientCapabilities: 0n,
    capabilityBoundingSet: CAP_ALL,
    user: null,
    supplementaryGroups: [],
    dynamicUser: false,
    ipDenyAll: false,
    ipAllowLocalhost: false,
    ipAllowOther: false,
    ipCustomFilters: false,
    keyringMode: mode === "user" ? "inherit" : type === "service" ? "private" : "shared",
    protectProc: "default",
    procSubset: "all",
    notifyAccess: type === "service" ? "none" : null,
    flags: Object.fromEntries(BOOL_SETTINGS.map((k) => [k, false])) as Record<BoolSetting, boolean>,
    protectHome: "no",
    protectSystem: "no",
    afRestricted: { inet: false, unix: false, netlink: false, packet: false, other: false },
    namespacesAllowed: NAMESPACES_INITIAL,
    rootDirectory: null,
    rootImage: null,
    devicePolicy: "auto",
    deviceAllow: [],
    syscallArchitectures: new Set(),
    syscallFilter: { allowList: false, names: null },
    umask: 0o022,
    sources,
  };

  let families: Set<number> | null = null;
  let familiesAllowList = false;
  const ipDeny: Array<{ v6: boolean; len: number }> = [];
  const ipAllow: Array<{ localhost: boolean }> = [];
  let ingress = 0;
  let egress = 0;
  let encryptedCredential = false;
  let mountImages = false;

  const dd = u.get("Unit", "DefaultDependencies");
  if (dd !== undefined && parseBoolean(dd) === false) s.defaultDependencies = false;

  for (const a of u.assignments) {
    if (a.section !== section) continue;
    const v = a.value;
    const key = a.key;
    if ((BOOL_SETTINGS as readonly string[]).includes(key) && key !== "Delegate") {
      const b = parseBoolean(v);
      if (b !== undefined) {
        s.flags[key as BoolSetting] = b;
        seen(a);
      }
      continue;
    }
    switch (key) {
      case "User":
        s.user = v === "" ? null : expandName(v, u);
        seen(a);
        break;
      case "SupplementaryGroups":
        s.supplementaryGroups = v === "" ? [] : [...s.supplementaryGroups, ...v.split(/\s+/).filter(Boolean)];
        seen(a);
        break;
      case "CapabilityBoundingSet":
      case "AmbientCapabilities": {
        const initial = key === "CapabilityBoundingSet" ? CAP_ALL : 0n;
        const invert = v.startsWith("~");
        const sum = parseCapabilities(invert ? v.slice(1) : v);
        const cur = key === "CapabilityBoundingSet" ? s.capabilityBoundingSet : s.ambientCapabilities;
        const next = sum === 0n || cur === initial ? (invert ? ~sum & CAP_ALL : sum) : invert ? cur & ~sum : cur | sum;
        if (key === "CapabilityBoundingSet") s.capabilityBoundingSet = next;
        else s.ambientCapabilities = next;
        seen(a);
        break;
      }
      case "KeyringMode":
      case "ProtectProc":
      case "ProcSubset":
      case "NotifyAccess":
      case "DevicePolicy": {
        const allowed = enumValues(key);
        if (!allowed.includes(v)) break;
        if (key === "KeyringMode") s.keyringMode = v;
        else if (key === "ProtectProc") s.protectProc = v;
        else if (key === "ProcSubset") s.procSubset = v;
        else if (key === "NotifyAccess") s.notifyAccess = type === "service" ? v : null;
        else s.devicePolicy = v;
        seen(a);
        break;
      }
      case "ProtectHome":
      case "ProtectSystem": {
        const b = parseBoolean(v);
        const val = b === true ? "yes" : b === false ? "no" : enumValues(key).includes(v) ? v : null;
        if (val === null) break;
        if (key === "ProtectHome") s.protectHome = val;
        else s.protectSystem = val;
        seen(a);
        break;
      }
      case "Delegate": {
        if (type !== "service") break;
        const b = parseBoolean(v);
        s.flags.Delegate = b === undefined ? true : b;
        seen(a);
        break;
      }
      case "RestrictAddressFamilies": {
        seen(a);
        if (v === "") {
          families = null;
          familiesAllowList = false;
          break;
        }
        if (v === "none") {
          families = null;
          familiesAllowList = true;
          break;
        }
        const invert = v.startsWith("~");
        if (!families) {
          families = new Set();
          familiesAllowList = !invert;
        }
        for (const w of splitWords(invert ? v.slice(1) : v).words) {
          const af = ADDRESS_FAMILIES[w.text];
          if (af === undefined) continue;
          if (!invert === familiesAllowList) families.add(af);
          else families.delete(af);
        }
        break;
      }
      case "RestrictNamespaces": {
        const next = parseNamespaces(v, s.namespacesAllowed);
        if (next !== null) {
          s.namespacesAllowed = next;
          seen(a);
        }
        break;
      }
      case "RootDirectory":
        s.rootDirectory = v === "" ? null : v;
        seen(a);
        break;
      case "RootImage":
        s.rootImage = v === "" ? null : v;
        seen(a);
        break;
      case "MountImages":
        mountImages = v !== "";
        break;
      case "LoadCredentialEncrypted":
        encryptedCredential = v !== "";
        break;
      case "DeviceAllow": {
        seen(a);
        if (v === "") {
          s.deviceAllow = [];
          break;
        }
        // A path and optional rights, split without a regex: /^\s*(\S+)\s*(\S*)\s*$/ backtracked
        // quadratically on a long token followed by two more words (8 s for 64 KB).
        const parts = v.trim().split(/\s+/);
        if (parts.length > 2 || parts[0] === "") break;
        const [path, rights] = parts;
        if (!/^(block-|char-)/.test(path!) && !/^\/(dev|sys)\//.test(path!)) break;
        if (rights && !/^[rwm]+$/.test(rights)) break;
        s.deviceAllow.unshift(`${path}:${rightsOf(rights ?? "")}`);
        break;
      }
      case "SystemCallArchitectures":
        seen(a);
        if (v === "") s.syscallArchitectures = new Set();
        else for (const w of splitWords(v).words) if (SECCOMP_ARCHITECTURES.includes(w.text)) s.syscallArchitectures.add(w.text);
        break;
      case "SystemCallFilter":
        seen(a);
        s.syscallFilter = parseSyscallFilter(v, s.syscallFilter);
        break;
      case "UMask":
        if (/^0?[0-7]{1,4}$/.test(v) && parseInt(v, 8) <= 0o7777) {
          s.umask = parseInt(v, 8);
          seen(a);
        }
        break;
      case "IPAddressDeny":
      case "IPAddressAllow": {
        seen(a);
        const list = key === "IPAddressDeny" ? ipDeny : ipAllow;
        if (v === "") {
          list.length = 0;
          break;
        }
        for (const w of v.split(/\s+/).filter(Boolean)) {
          for (const p of parseIpPrefix(w)) {
            if (key === "IPAddressDeny") ipDeny.push({ v6: p.v6, len: p.len });
            else ipAllow.push({ localhost: p.localhost });
          }
        }
        break;
      }
      case "IPIngressFilterPath":
        ingress = v === "" ? 0 : ingress + 1;
        seen(a);
        break;
      case "IPEgressFilterPath":
        egress = v === "" ? 0 : egress + 1;
        seen(a);
        break;
    }
  }

  if (families) {
    for (const k of Object.keys(s.afRestricted) as Array<keyof Sandbox["afRestricted"]>) s.afRestricted[k] = familiesAllowList;
    for (const f of families) {
      const k = f === 2 || f === 10 ? "inet" : f === 1 ? "unix" : f === 16 ? "netlink" : f === 17 ? "packet" : "other";
      s.afRestricted[k] = !familiesAllowList;
    }
  } else if (familiesAllowList) for (const k of Object.keys(s.afRestricted) as Array<keyof Sandbox["afRestricted"]>) s.afRestricted[k] = true;

  s.ipDenyAll = ipDeny.some((p) => !p.v6 && p.len === 0) && ipDeny.some((p) => p.v6 && p.len === 0);
  s.ipAllowLocalhost = ipAllow.some((p) => p.localhost);
  s.ipAllowOther = ipAllow.some((p) => !p.localhost);
  s.ipCustomFilters = ingress > 0 || egress > 0;

  patchImplied(s, u, { mountImages, encryptedCredential });
  return s;
}

/** unit_patch_contexts(): what PrivateDevices=, Protect*=, DynamicUser= imply in systemd 252. */
function patchImplied(s: Sandbox, u: EffectiveUnit, extra: { mountImages: boolean; encryptedCredential: boolean }): void {
  const f = s.flags;
  if (f.PrivateDevices) s.capabilityBoundingSet &= ~capabilityMask(["CAP_MKNOD", "CAP_SYS_RAWIO"]);
  if (f.ProtectKernelModules) s.capabilityBoundingSet &= ~capabilityMask(["CAP_SYS_MODULE"]);
  if (f.ProtectKernelLogs) s.capabilityBoundingSet &= ~capabilityMask(["CAP_SYSLOG"]);
  if (f.ProtectClock) s.capabilityBoundingSet &= ~capabilityMask(["CAP_SYS_TIME", "CAP_WAKE_ALARM"]);
  if (f.DynamicUser) {
    if (s.user === null) s.user = userFromUnitName(u);
    f.PrivateTmp = true;
    f.RemoveIPC = true;
    s.protectSystem = "strict";
    if (s.protectHome === "no") s.protectHome = "read-only";
    f.NoNewPrivileges = true;
    f.RestrictSUIDSGID = true;
  }
  if (f.PrivateDevices && s.devicePolicy === "auto") s.devicePolicy = "closed";
  if (s.devicePolicy !== "auto" || s.deviceAllow.length > 0) {
    if (s.rootImage || extra.mountImages) {
      for (const p of ["/dev/loop-control", "/dev/mapper/control"]) s.deviceAllow.unshift(`${p}:rw`);
      for (const p of ["block-loop", "block-blkext", "block-device-mapper"]) s.deviceAllow.unshift(`${p}:rwm`);
    }
    if (f.ProtectClock) s.deviceAllow.unshift("char-rtc:r");
    if (extra.encryptedCredential) s.deviceAllow.unshift("/dev/tpmrm0:rw");
  }
}

function rightsOf(r: string): string {
  return (r.includes("r") ? "r" : "") + (r.includes("w") ? "w" : "") + (r.includes("m") ? "m" : "");
}

/** restrict_namespaces after one RestrictNamespaces= line; null when systemd ignores the line. */
function parseNamespaces(v: string, cur: number): number | null {
  if (v === "") return NAMESPACES_INITIAL;
  const b = parseBoolean(v);
  if (b === true) return 0;
  if (b === false) return NAMESPACES_ALL;
  const invert = v.startsWith("~");
  let flags = 0;
  for (const w of (invert ? v.slice(1) : v).split(/\s+/).filter(Boolean)) {
    const bit = NAMESPACES[w];
    if (bit === undefined) return null;
    flags |= bit;
  }
  if (cur === NAMESPACES_INITIAL) return invert ? ~flags & NAMESPACES_ALL : flags;
  return invert ? cur & ~flags : cur | flags;
}

/** User= resolves %-specifiers; the ones that matter for a user name. */
function expandName(v: string, u: EffectiveUnit): string {
  return v.replace(/%([%inpNPI])/g, (m, c: string) => {
    const n = u.name;
    switch (c) {
      case "%":
        return "%";
      case "i":
      case "I":
        // systemd-analyze loads a template as the instance "i" (user@.service → user@i.service)
        return n.instance ?? (n.isTemplate ? "i" : "");
      case "p":
      case "P":
        return n.isTemplate || n.isInstance ? n.prefix : n.stem;
      case "n":
        return n.name;
      case "N":
        return n.stem;
      default:
        return m;
    }
  });
}

/** user_from_unit_name(): the unit-name prefix when it is a valid user name, else a hashed `_du…` name (never root). */
function userFromUnitName(u: EffectiveUnit): string {
  const prefix = u.name.isTemplate || u.name.isInstance ? u.name.prefix : u.name.stem;
  return /^[a-zA-Z_][a-zA-Z0-9_-]{0,30}$/.test(prefix) ? prefix : "_du0000000000000000";
}

/** Values systemd 252 accepts (from the generated enum table); the ones newer than 252 are left out. */
const enumCache = new Map<string, string[]>();
function enumValues(key: string): string[] {
  let v = enumCache.get(key);
  if (!v) {
    const info = enumInfo(key);
    v = info ? info.values.filter((x) => !info.newSinceV252.includes(x)) : [];
    enumCache.set(key, v);
  }
  return v;
}
