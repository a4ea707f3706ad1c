/**
 * What systemd (252) uses when a setting is not written, for the settings an
 * editor hover is most often asked about; from the man pages
 * (systemd.unit(5), systemd.service(5), systemd.exec(5), systemd.kill(5),
 * systemd.timer(5), systemd.socket(5), systemd.resource-control(5)).
 * Keys are `Section/Name` where the default depends on the section, else `Name`.
 * Settings not listed have no entry (the hover then says nothing).
 */
const MANAGER = (setting: string, value: string) => `${setting} of the service manager (${value} unless changed in systemd-system.conf)`;

const NO = "no";
const DEFAULTS: Record<string, string> = {
  // [Unit]
  DefaultDependencies: "yes",
  StopWhenUnneeded: NO,
  RefuseManualStart: NO,
  RefuseManualStop: NO,
  AllowIsolate: NO,
  IgnoreOnIsolate: "no for services, targets, sockets, timers and paths; yes for slices, scopes, devices, swaps, mounts and automounts",
  StartLimitIntervalSec: MANAGER("DefaultStartLimitIntervalSec=", "10s"),
  StartLimitBurst: MANAGER("DefaultStartLimitBurst=", "5"),
  JobTimeoutSec: "infinity (no job timeout)",
  CollectMode: "inactive",
  SuccessAction: "none",
  FailureAction: "none",
  // [Service]
  Type: "simple when ExecStart= is set and neither Type= nor BusName= is; dbus when BusName= is set; oneshot when there is no ExecStart=",
  Restart: NO,
  RestartSec: "100ms",
  TimeoutStartSec: `${MANAGER("DefaultTimeoutStartSec=", "90s")}; infinity for Type=oneshot`,
  TimeoutStopSec: MANAGER("DefaultTimeoutStopSec=", "90s"),
  TimeoutAbortSec: "TimeoutStopSec=",
  "Service/TimeoutSec": "none of its own: it sets both TimeoutStartSec= and TimeoutStopSec=",
  RuntimeMaxSec: "infinity",
  WatchdogSec: "0 (no watchdog)",
  RemainAfterExit: NO,
  GuessMainPID: "yes",
  NotifyAccess: "none; main when Type=notify or WatchdogSec= is set",
  ExitType: "main",
  OOMPolicy: MANAGER("DefaultOOMPolicy=", "stop"),
  // systemd.kill(5)
  KillMode: "control-group",
  KillSignal: "SIGTERM",
  RestartKillSignal: "the KillSignal= value",
  FinalKillSignal: "SIGKILL",
  SendSIGKILL: "yes",
  SendSIGHUP: NO,
  // systemd.exec(5)
  User: "root for the system manager; the user manager's own user for user services",
  Group: "the primary group of User=",
  WorkingDirectory: "/ for the system manager; the user's home directory for user services",
  UMask: "0022",
  Nice: "0",
  StandardInput: "null",
  StandardOutput: MANAGER("DefaultStandardOutput=", "journal"),
  StandardError: "inherit (where StandardOutput= goes)",
  DynamicUser: NO,
  NoNewPrivileges: NO,
  PrivateTmp: NO,
  PrivateDevices: NO,
  PrivateNetwork: NO,
  PrivateUsers: NO,
  PrivateMounts: NO,
  ProtectSystem: NO,
  ProtectHome: NO,
  ProtectKernelTunables: NO,
  ProtectKernelModules: NO,
  ProtectKernelLogs: NO,
  ProtectControlGroups: NO,
  ProtectClock: NO,
  ProtectHostname: NO,
  ProtectProc: "default",
  ProcSubset: "all",
  LockPersonality: NO,
  MemoryDenyWriteExecute: NO,
  RestrictRealtime: NO,
  RestrictSUIDSGID: NO,
  RemoveIPC: NO,
  RuntimeDirectoryMode: "0755",
  StateDirectoryMode: "0755",
  CacheDirectoryMode: "0755",
  LogsDirectoryMode: "0755",
  ConfigurationDirectoryMode: "0755",
  RuntimeDirectoryPreserve: NO,
  // systemd.resource-control(5)
  Delegate: NO,
  MemoryHigh: "infinity",
  MemoryMax: "infinity",
  MemorySwapMax: "infinity",
  CPUQuota: "none (no limit)",
  TasksMax: MANAGER("DefaultTasksMax=", "15% of the kernel's PID limit"),
  // [Timer]
  AccuracySec: "1min",
  RandomizedDelaySec: "0",
  FixedRandomDelay: NO,
  Persistent: NO,
  WakeSystem: NO,
  RemainAfterElapse: "yes",
  OnClockChange: NO,
  OnTimezoneChange: NO,
  "Timer/Unit": "the service with the timer's name (foo.timer starts foo.service)",
  "Path/Unit": "the service with the path unit's name (foo.path starts foo.service)",
  // [Socket]
  Accept: NO,
  "Socket/Service": "the service with the socket's name (foo.socket activates foo.service; foo@.service with Accept=yes)",
  SocketMode: "0666",
  DirectoryMode: "0755",
  RemoveOnStop: NO,
  // [Mount]
  "Mount/TimeoutSec": MANAGER("DefaultTimeoutStartSec=", "90s"),
  LazyUnmount: NO,
  ForceUnmount: NO,
  ReadWriteOnly: NO,
};

/** The default of a setting in a section, when known. */
export function directiveDefault(section: string, name: string): string | undefined {
  return DEFAULTS[`${section}/${name}`] ?? (name === "TimeoutSec" || name === "Unit" || name === "Service" ? undefined : DEFAULTS[name]);
}
