/** What each exposure check means, in unitlint's words: for the secure, the exposed and the not-applicable case. */
interface CheckText {
  good: string;
  bad: string;
  na?: string;
}

const t = (good: string, bad: string, na?: string): CheckText => (na ? { good, bad, na } : { good, bad });

const CAPS: Record<string, string> = {
  CAP_SYS_ADMIN: "do most administrative operations (mount, namespaces, quotas…)",
  CAP_SET_UID_GID_PCAP: "change its user/group IDs or capabilities",
  CAP_SYS_PTRACE: "trace and inspect other processes",
  CAP_SYS_TIME: "set the system clock",
  CAP_NET_ADMIN: "reconfigure network interfaces, routes and firewalls",
  CAP_SYS_RAWIO: "do raw I/O on devices and ports",
  CAP_SYS_MODULE: "load kernel modules",
  CAP_AUDIT: "read or change the audit subsystem",
  CAP_SYSLOG: "read the kernel log",
  CAP_SYS_NICE_RESOURCE: "raise priorities and override resource limits",
  CAP_MKNOD: "create device nodes",
  CAP_CHOWN_FSETID_SETFCAP: "change file owners, keep set-ID bits or set file capabilities",
  CAP_DAC_FOWNER_IPC_OWNER: "bypass file and IPC permission checks",
  CAP_KILL: "send signals to any process",
  "CAP_NET_BIND_SERVICE_BROADCAST_RAW)": "bind privileged ports, broadcast or use raw sockets",
  CAP_SYS_BOOT: "reboot the machine",
  CAP_MAC: "change or bypass mandatory access control",
  CAP_LINUX_IMMUTABLE: "set the immutable and append-only file attributes",
  CAP_IPC_LOCK: "lock memory into RAM",
  CAP_SYS_CHROOT: "call chroot()",
  CAP_BLOCK_SUSPEND: "block system suspend",
  CAP_WAKE_ALARM: "set alarms that wake the system",
  CAP_LEASE: "take file leases",
  CAP_SYS_TTY_CONFIG: "reconfigure terminals (vhangup())",
  CAP_SYS_PACCT: "switch process accounting (acct())",
  CAP_BPF: "load BPF programs",
};

const NS: Record<string, string> = { user: "user", mnt: "mount", ipc: "IPC", pid: "PID", cgroup: "cgroup", net: "network", uts: "hostname (UTS)" };

const AF: Record<string, string> = {
  AF_INET_INET6: "Internet (IPv4/IPv6) sockets",
  AF_UNIX: "UNIX sockets",
  AF_NETLINK: "netlink sockets",
  AF_PACKET: "packet sockets",
  OTHER: "exotic socket families",
};

export const CHECK_TEXT: Record<string, CheckText> = {
  UserOrDynamicUser: t("Runs as a non-root user", "Runs as root"),
  SupplementaryGroups: t("No supplementary groups", "Runs with supplementary groups", "Not applicable: the service runs as root"),
  PrivateDevices: t("Sees only pseudo devices (/dev/null, /dev/zero…)", "May access hardware devices"),
  PrivateMounts: t("Mounts stay private to the service", "May change mounts other processes see"),
  PrivateNetwork: t("Has no network except loopback", "Has full network access"),
  PrivateTmp: t(
    "Has private /tmp and /var/tmp",
    "Shares /tmp and /var/tmp with the system",
    "Not applicable: the unit runs in an early boot phase (DefaultDependencies=no)",
  ),
  PrivateUsers: t("Runs in its own user namespace", "Sees every user and group of the host"),
  ProtectControlGroups: t("The cgroup file system is read-only", "May change the cgroup file system"),
  ProtectKernelModules: t("May not load kernel modules", "May load or read kernel modules"),
  ProtectKernelTunables: t("Kernel tunables (/proc/sys, /sys) are read-only", "May change kernel tunables"),
  ProtectKernelLogs: t("May not touch the kernel log buffer", "May read or write the kernel log buffer"),
  ProtectClock: t("May not change the clocks", "May change the system or hardware clock"),
  ProtectHome: t("Home directories are invisible to the service", "May read and write every home directory"),
  ProtectHostname: t("May not change the hostname", "May change the hostname"),
  ProtectSystem: t("The OS tree is read-only", "May write anywhere in the OS tree"),
  RootDirectoryOrRootImage: t("Runs in its own root directory or image", "Runs in the host's root directory"),
  LockPersonality: t("May not change the execution domain", "May change the execution domain (personality())"),
  MemoryDenyWriteExecute: t("May not create writable and executable memory", "May create writable and executable memory"),
  NoNewPrivileges: t("Its processes cannot gain privileges", "Its processes may gain privileges (set-ID programs, file capabilities)"),
  UMask: t("New files are private to the service's user", "New files are world-readable or writable"),
  KeyringMode: t("Has its own kernel keyring", "Shares the kernel keyring with other services"),
  ProtectProc: t("Other users' processes are hidden in /proc", "Sees every process in /proc"),
  ProcSubset: t("/proc shows processes only", "Sees all of /proc (kernel and system information)"),
  NotifyAccess: t("Only the main process may report its state", "Any of its processes may report the service state"),
  RemoveIPC: t("Its System V IPC objects are removed when it stops", "May leave System V IPC objects behind", "Not applicable: the service runs as root"),
  Delegate: t("Does not manage cgroups itself", "Manages its own cgroup subtree (Delegate=)"),
  RestrictRealtime: t("May not use realtime scheduling", "May use realtime scheduling (and starve the system)"),
  RestrictSUIDSGID: t("May not create set-user/group-ID files", "May create set-user/group-ID files"),
  SystemCallArchitectures: t("Only native-ABI system calls are allowed", "System calls of every ABI are allowed"),
  IPAddressDeny: t("Every IP address is blocked", "No IP address allow list"),
  DeviceAllow: t("Device access list with the basic pseudo devices only", "No device access list"),
  AmbientCapabilities: t("Gets no ambient capabilities", "Gets ambient capabilities"),
};

for (const [k, what] of Object.entries(CAPS)) CHECK_TEXT[`CapabilityBoundingSet_${k}`] = t(`May not ${what}`, `May ${what}`);
for (const [k, what] of Object.entries(NS)) CHECK_TEXT[`RestrictNamespaces_${k}`] = t(`May not create ${what} namespaces`, `May create ${what} namespaces`);
for (const [k, what] of Object.entries(AF)) CHECK_TEXT[`RestrictAddressFamilies_${k}`] = t(`May not open ${what}`, `May open ${what}`);
