import { escapeControls } from "../core/strings.js";
import type { EffectiveUnit } from "../model/effective-unit.js";
import { dirnameOf, parseFile } from "../model/unit-file.js";
import { EffectiveUnit as Unit } from "../model/effective-unit.js";
import { assessUnit, formatExposure, runsPrivileged, type Assessment } from "./assess.js";
import { EXEC_SECTIONS, type Sandbox } from "./sandbox.js";
import { unitTraits, type UnitTraits } from "./traits.js";

type Risk = "low" | "medium" | "high";

/** One setting (or a few that belong together) the drop-in may add. */
interface Remedy {
  risk: Risk;
  /** What it does and what it could break, for the comment above the lines. */
  why: string;
  lines(s: Sandbox, t: UnitTraits): string[] | null;
}

const on =
  (key: string, cond: (s: Sandbox, t: UnitTraits) => boolean = () => true) =>
  (s: Sandbox, t: UnitTraits) =>
    cond(s, t) ? [`${key}=yes`] : null;

/** Candidates, least likely to break a service first. A remedy returns null when it does not fit this unit. */
const REMEDIES: Remedy[] = [
  {
    risk: "low",
    why: "no privilege gain through set-ID programs or file capabilities; breaks services that call sudo/su or set-ID helpers",
    lines: on("NoNewPrivileges", (s) => !s.flags.NoNewPrivileges),
  },
  {
    risk: "low",
    why: "/proc/sys, /sys and friends read-only; breaks services that tune sysctls at run time",
    lines: on("ProtectKernelTunables", (s) => !s.flags.ProtectKernelTunables),
  },
  {
    risk: "low",
    why: "no kernel module loading; breaks services that modprobe on demand",
    lines: on("ProtectKernelModules", (s) => !s.flags.ProtectKernelModules),
  },
  {
    risk: "low",
    why: "no access to the kernel log buffer; breaks log collectors reading /dev/kmsg",
    lines: on("ProtectKernelLogs", (s) => !s.flags.ProtectKernelLogs),
  },
  { risk: "low", why: "cgroup tree read-only; breaks container managers", lines: on("ProtectControlGroups", (s) => !s.flags.ProtectControlGroups) },
  { risk: "low", why: "no clock changes; breaks NTP daemons", lines: on("ProtectClock", (s, t) => !s.flags.ProtectClock && !t.setsClock) },
  { risk: "low", why: "no hostname changes", lines: on("ProtectHostname", (s, t) => !s.flags.ProtectHostname && !t.setsHostname) },
  { risk: "low", why: "no realtime scheduling (which can starve the machine)", lines: on("RestrictRealtime", (s) => !s.flags.RestrictRealtime) },
  { risk: "low", why: "cannot create set-user/group-ID files", lines: on("RestrictSUIDSGID", (s) => !s.flags.RestrictSUIDSGID) },
  { risk: "low", why: "cannot switch the execution domain (personality())", lines: on("LockPersonality", (s) => !s.flags.LockPersonality) },
  {
    risk: "low",
    why: "only native system calls (no 32-bit ABI tricks); breaks 32-bit binaries",
    lines: (s) => (s.syscallArchitectures.size === 1 && s.syscallArchitectures.has("native") ? null : ["SystemCallArchitectures=native"]),
  },
  {
    risk: "low",
    why: "own /tmp and /var/tmp, emptied on stop; breaks exchanging files with other programs through /tmp",
    lines: on("PrivateTmp", (s, t) => !s.flags.PrivateTmp && !t.sharesTmp),
  },
  { risk: "low", why: "its mounts stay private", lines: on("PrivateMounts", (s) => !s.flags.PrivateMounts) },
  {
    risk: "low",
    why: "no new namespaces; breaks container tools and browser sandboxes",
    lines: on("RestrictNamespaces", (s, t) => s.namespacesAllowed !== 0 && !t.usesNamespaces),
  },
  {
    risk: "low",
    why: "home directories hidden (read-only when the unit refers to a home path)",
    lines: (s, t) => (s.protectHome === "yes" ? null : t.usesHome ? (s.protectHome === "no" ? ["ProtectHome=read-only"] : null) : ["ProtectHome=yes"]),
  },
  {
    risk: "low",
    why: "/usr, /boot and /etc read-only; breaks services that edit their own configuration",
    lines: (s) => (s.protectSystem === "no" || s.protectSystem === "yes" ? ["ProtectSystem=full"] : null),
  },
  { risk: "low", why: "its System V IPC objects go when it stops", lines: on("RemoveIPC", (s) => !s.flags.RemoveIPC && !runsPrivileged(s)) },
  { risk: "low", why: "own kernel keyring", lines: (s) => (s.keyringMode === "private" ? null : ["KeyringMode=private"]) },
  {
    risk: "low",
    why: "other users' processes hidden in /proc; breaks monitoring agents",
    lines: (s, t) => (s.protectProc === "invisible" || s.protectProc === "ptraceable" || t.monitorsProcesses ? null : ["ProtectProc=invisible"]),
  },
  {
    risk: "medium",
    why: "only UNIX and IP sockets; breaks services that use netlink (network configuration) or other families",
    lines: (s, t) =>
      s.afRestricted.packet && s.afRestricted.other ? null : [`RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6${t.usesNetlink ? " AF_NETLINK" : ""}`],
  },
  {
    risk: "medium",
    why: "new files private to the service's user and group; breaks files meant to be world-readable",
    lines: (s) => ((s.umask & 0o027) === 0o027 ? null : ["UMask=0027"]),
  },
  {
    risk: "medium",
    why: "only pseudo devices (/dev/null, /dev/zero, /dev/random…); breaks services that use hardware",
    lines: on("PrivateDevices", (s, t) => !s.flags.PrivateDevices && !t.usesDevices),
  },
  {
    risk: "medium",
    why: "system calls limited to what ordinary services need; a blocked call fails with EPERM instead of killing the process",
    lines: (s) =>
      s.syscallFilter.names ? null : ["SystemCallFilter=@system-service", "SystemCallFilter=~@privileged @resources", "SystemCallErrorNumber=EPERM"],
  },
  {
    risk: "medium",
    why: "capabilities limited; as a non-root user it needs none (keeps the ambient ones it is given)",
    lines: (s, t) => capabilityLines(s, t),
  },
  {
    risk: "medium",
    why: "whole OS tree read-only; writable: the state/cache/log/runtime directories systemd creates and the paths listed",
    lines: (s, t) =>
      s.protectSystem === "strict"
        ? null
        : ["ProtectSystem=strict", ...(t.writablePaths.length ? [`ReadWritePaths=${t.writablePaths.map((p) => "-" + p).join(" ")}`] : [])],
  },
  {
    risk: "medium",
    why: "/proc shows processes only; breaks programs that read /proc/meminfo, /proc/cpuinfo and the like",
    lines: (s, t) => (s.procSubset === "pid" || t.monitorsProcesses ? null : ["ProcSubset=pid"]),
  },
  {
    risk: "medium",
    why: "no writable+executable memory; breaks JIT compilers (Java, Node.js, .NET, LuaJIT)",
    lines: on("MemoryDenyWriteExecute", (s, t) => !s.flags.MemoryDenyWriteExecute && !t.jit),
  },
  { risk: "high", why: "runs in its own user namespace; breaks access to files owned by other users", lines: on("PrivateUsers", (s) => !s.flags.PrivateUsers) },
  {
    risk: "high",
    why: "a transient user instead of root; files it keeps must live in StateDirectory=/CacheDirectory=/LogsDirectory=",
    lines: (s) => (runsPrivileged(s) && !s.user ? ["DynamicUser=yes"] : null),
  },
  {
    risk: "high",
    why: "no IP traffic except localhost; only for services that talk to this machine alone",
    lines: (s, t) => (s.ipDenyAll || t.network ? null : ["IPAddressDeny=any", "IPAddressAllow=localhost"]),
  },
  { risk: "high", why: "no network at all except its own loopback", lines: on("PrivateNetwork", (s, t) => !s.flags.PrivateNetwork && !t.network) },
];

/** Rarely needed by services; kept out of a root service's bounding set. */
const RARE_CAPS = [
  "CAP_SYS_ADMIN",
  "CAP_SYS_PTRACE",
  "CAP_SYS_MODULE",
  "CAP_SYS_RAWIO",
  "CAP_SYS_TIME",
  "CAP_SYS_BOOT",
  "CAP_MAC_ADMIN",
  "CAP_MAC_OVERRIDE",
  "CAP_LINUX_IMMUTABLE",
  "CAP_SYS_PACCT",
  "CAP_SYS_TTY_CONFIG",
  "CAP_WAKE_ALARM",
  "CAP_BLOCK_SUSPEND",
  "CAP_LEASE",
  "CAP_BPF",
  "CAP_AUDIT_CONTROL",
  "CAP_AUDIT_READ",
  "CAP_SYSLOG",
  "CAP_MKNOD",
];

function capabilityLines(s: Sandbox, t: UnitTraits): string[] | null {
  // Implied removals (PrivateDevices=, ProtectClock=…) do not count as a configured set.
  if (s.sources.has("CapabilityBoundingSet")) return null;
  if (!runsPrivileged(s)) return [`CapabilityBoundingSet=${t.ambientCapabilities.join(" ")}`];
  return [`CapabilityBoundingSet=~${RARE_CAPS.join(" ")}`];
}

export interface HardenStep {
  risk: Risk;
  why: string;
  lines: string[];
  /** Exposure (tenths) after this step. */
  exposure: number;
}

export interface HardenResult {
  before: Assessment;
  after: Assessment;
  steps: HardenStep[];
  /** Target in tenths, and whether the drop-in reaches it. */
  target: number;
  reached: boolean;
  /** The drop-in text (empty steps: a comment-only file is not produced). */
  dropin: string;
  /** Where the drop-in goes: `<unit dir>/<unit>.d/hardening.conf`. */
  path: string | null;
}

/** Default target: the top of systemd's "OK" band. */
export const DEFAULT_TARGET = 49;

/**
 * A drop-in that brings `u` to `target` (tenths) or below, choosing among the
 * least risky settings first and, within a risk level, the one that lowers
 * the score most. Null for units without an execution context.
 */
export function hardenUnit(u: EffectiveUnit, target = DEFAULT_TARGET): HardenResult | null {
  const before = assessUnit(u);
  const section = EXEC_SECTIONS[u.type ?? ""];
  if (!before || !section) return null;
  const traits = unitTraits(u, before.sandbox);
  const path = u.main ? `${dirnameOf(u.main.path)}/${u.name.name}.d/hardening.conf` : null;
  const steps: HardenStep[] = [];
  let current = before;
  const chosen = new Set<Remedy>();
  for (const risk of ["low", "medium", "high"] as Risk[]) {
    while (current.exposure > target) {
      let best: { r: Remedy; lines: string[]; a: Assessment } | null = null;
      for (const r of REMEDIES) {
        if (r.risk !== risk || chosen.has(r)) continue;
        const lines = r.lines(current.sandbox, traits);
        if (!lines) continue;
        const a = withDropin(u, section, [...steps.flatMap((s) => s.lines), ...lines]);
        if (a.exposure < current.exposure && (!best || a.exposure < best.a.exposure)) best = { r, lines, a };
      }
      if (!best) break;
      chosen.add(best.r);
      steps.push({ risk, why: best.r.why, lines: best.lines, exposure: best.a.exposure });
      current = best.a;
    }
  }
  const after = current;
  return { before, after, steps, target, reached: after.exposure <= target, dropin: renderDropin(u, section, before, after, steps, target), path };
}

function withDropin(u: EffectiveUnit, section: string, lines: string[]): Assessment {
  const dir = u.main ? dirnameOf(u.main.path) : ".";
  const file = parseFile(`${dir}/${u.name.name}.d/hardening.conf`, `[${section}]\n${lines.join("\n")}\n`, "dropin");
  // systemd applies drop-ins in file-name order: place ours where "hardening.conf" sorts.
  const dropins = [...u.dropins];
  const at = dropins.findIndex((d) => d.basename > "hardening.conf");
  dropins.splice(at < 0 ? dropins.length : at, 0, file);
  return assessUnit(new Unit(u.name.name, u.main, dropins))!;
}

function renderDropin(u: EffectiveUnit, section: string, before: Assessment, after: Assessment, steps: HardenStep[], target: number): string {
  const score = (a: Assessment) => `${formatExposure(a.exposure)} ${a.rating}`;
  const out = [
    `# Hardening for ${escapeControls(u.name.name)}, suggested by unitlint harden.`,
    `# Exposure (as systemd-analyze security computes it): ${score(before)} -> ${score(after)}` +
      (after.exposure <= target ? ` (target ${formatExposure(target)}).` : ` (target ${formatExposure(target)} not reached).`),
    "# Lines are ordered from least to most likely to break the service; review",
    `# them, then run: systemctl daemon-reload && systemctl restart ${escapeControls(u.name.name)}`,
    `[${section}]`,
  ];
  for (const s of steps) {
    out.push(`# ${s.risk} risk: ${s.why}`);
    out.push(...s.lines);
  }
  return out.join("\n") + "\n";
}
