/**
 * Random services that exercise every input of the exposure checks: lists
 * with `~`, merges over several lines, empty resets, invalid words systemd
 * skips, implied settings (DynamicUser=, PrivateDevices=, ProtectClock=) and
 * DefaultDependencies=no. A small deterministic PRNG keeps runs reproducible.
 */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BOOL = ["yes", "no", "true", "0", "on", "YES", "maybe", ""];

const POOLS: Record<string, string[]> = {
  User: ["root", "0", "nobody", "www-data", "app", "", "%i", "%p"],
  DynamicUser: BOOL,
  SupplementaryGroups: ["", "adm", "adm video", "disk"],
  ProtectSystem: ["strict", "full", "yes", "no", "true", "off", "bogus", ""],
  ProtectHome: ["yes", "read-only", "tmpfs", "no", "1", "bogus", ""],
  CapabilityBoundingSet: [
    "",
    "~",
    "CAP_NET_BIND_SERVICE",
    "cap_net_bind_service cap_kill",
    "~CAP_SYS_ADMIN",
    "~CAP_SYS_ADMIN CAP_SYS_PTRACE CAP_SETUID",
    "CAP_BOGUS CAP_CHOWN",
    "21",
    "~CAP_BPF CAP_SYS_TIME CAP_WAKE_ALARM",
    "CAP_DAC_OVERRIDE CAP_FOWNER",
  ],
  AmbientCapabilities: ["", "CAP_NET_BIND_SERVICE", "~CAP_NET_RAW", "CAP_BOGUS"],
  RestrictNamespaces: ["yes", "no", "", "~user", "~user net", "net ipc", "cgroup", "~mnt pid uts", "bogus", "user bogus"],
  RestrictAddressFamilies: [
    "",
    "none",
    "AF_UNIX",
    "AF_UNIX AF_INET AF_INET6",
    "~AF_PACKET",
    "~AF_INET6",
    "AF_NETLINK",
    "~AF_UNIX AF_NETLINK AF_BOGUS",
    "AF_LOCAL AF_ROUTE",
    "AF_INET",
    "~AF_ALG AF_BLUETOOTH",
  ],
  SystemCallFilter: [
    "",
    "@system-service",
    "~@privileged @resources",
    "~@privileged",
    "@default",
    "~@mount",
    "~@swap @reboot @module @raw-io @clock",
    "@system-service @resources",
    "~@obsolete",
    "@basic-io @file-system",
    "~@debug @cpu-emulation",
    "~setuid",
    "setuid",
    "~@privileged:EPERM",
    "@system-service bogus_call",
    "~@bogus-group",
    "@known",
    "~@clock:EACCES",
  ],
  SystemCallArchitectures: ["native", "", "native x86", "x86-64", "bogus", "native native"],
  UMask: ["0077", "0027", "0022", "0002", "0", "077", "0007", "0070", "bogus", "0020"],
  KeyringMode: ["private", "shared", "inherit", "bogus"],
  ProtectProc: ["invisible", "ptraceable", "noaccess", "default", "bogus"],
  ProcSubset: ["pid", "all", "bogus"],
  NotifyAccess: ["all", "main", "none", "exec"],
  DevicePolicy: ["closed", "strict", "auto", "bogus"],
  DeviceAllow: ["", "/dev/null rw", "char-rtc r", "block-loop rwm", "/dev/bogus", "/tmp/x r", "/dev/sda rx"],
  IPAddressDeny: ["any", "", "0.0.0.0/0", "::/0", "0.0.0.0/0 ::/0", "10.0.0.0/8", "bogus"],
  IPAddressAllow: ["localhost", "127.0.0.1", "::1", "10.0.0.0/8", "", "link-local", "127.0.0.0/8 ::1/128", "127.1.2.3/7", "multicast", "bogus"],
  IPIngressFilterPath: ["", "/sys/fs/bpf/filter"],
  RootDirectory: ["", "/", "/srv/root", "//"],
  RootImage: ["", "/var/lib/machines/img.raw"],
  Delegate: ["yes", "no", "", "cpu memory", "bogus"],
};

const BOOLS = [
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
  "ProtectHostname",
  "LockPersonality",
  "MemoryDenyWriteExecute",
  "NoNewPrivileges",
  "RemoveIPC",
  "RestrictRealtime",
  "RestrictSUIDSGID",
];

export function randomService(rand: () => number): string {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const lines = ["[Unit]", "Description=random exposure case"];
  if (rand() < 0.1) lines.push(`DefaultDependencies=${pick(["no", "yes"])}`);
  lines.push("", "[Service]", "ExecStart=/usr/bin/sleep infinity");
  const density = rand();
  for (const k of BOOLS) if (rand() < density) lines.push(`${k}=${pick(BOOL)}`);
  for (const [k, pool] of Object.entries(POOLS)) {
    if (rand() >= density) continue;
    const n = rand() < 0.25 ? 2 + Math.floor(rand() * 2) : 1;
    for (let i = 0; i < n; i++) lines.push(`${k}=${pick(pool)}`);
  }
  return lines.join("\n") + "\n";
}
