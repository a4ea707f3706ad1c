/**
 * systemd.special(7): units systemd itself provides, which a unit may name
 * without shipping them (for completion and reference checks).
 */
export const SPECIAL_UNITS: string[] = [
  "basic.target",
  "bluetooth.target",
  "boot-complete.target",
  "cryptsetup-pre.target",
  "cryptsetup.target",
  "ctrl-alt-del.target",
  "default.target",
  "emergency.target",
  "exit.target",
  "factory-reset.target",
  "final.target",
  "first-boot-complete.target",
  "getty-pre.target",
  "getty.target",
  "graphical.target",
  "halt.target",
  "hibernate.target",
  "hybrid-sleep.target",
  "initrd-fs.target",
  "initrd-root-device.target",
  "initrd-root-fs.target",
  "initrd-switch-root.target",
  "initrd.target",
  "kexec.target",
  "local-fs-pre.target",
  "local-fs.target",
  "multi-user.target",
  "network-online.target",
  "network-pre.target",
  "network.target",
  "nss-lookup.target",
  "nss-user-lookup.target",
  "paths.target",
  "poweroff.target",
  "printer.target",
  "reboot.target",
  "remote-cryptsetup.target",
  "remote-fs-pre.target",
  "remote-fs.target",
  "rescue.target",
  "rpcbind.target",
  "shutdown.target",
  "sigpwr.target",
  "sleep.target",
  "slices.target",
  "smartcard.target",
  "sockets.target",
  "sound.target",
  "suspend-then-hibernate.target",
  "suspend.target",
  "swap.target",
  "sysinit.target",
  "system-update-pre.target",
  "system-update.target",
  "time-set.target",
  "time-sync.target",
  "timers.target",
  "umount.target",
  "usb-gadget.target",
  "-.mount",
  "-.slice",
  "dbus.service",
  "dbus.socket",
  "display-manager.service",
  "init.scope",
  "machine.slice",
  "syslog.socket",
  "system.slice",
  "user.slice",
  "systemd-journald.service",
  "systemd-logind.service",
  // user manager specials
  "graphical-session.target",
  "graphical-session-pre.target",
  "xdg-desktop-autostart.target",
  "app.slice",
  "background.slice",
  "session.slice",
];

/**
 * How systemd's own targets are ordered among themselves (their unit files in
 * systemd 252): target → the special units it starts after. Only the chain a
 * unit can close a cycle through is listed; a set that ships one of these
 * targets itself uses its own file instead.
 */
export const SPECIAL_ORDERING: Record<"system" | "user", Record<string, string[]>> = {
  system: {
    "basic.target": ["sysinit.target", "sockets.target", "paths.target", "slices.target"],
    "sysinit.target": ["local-fs.target", "swap.target"],
    "local-fs.target": ["local-fs-pre.target"],
    "remote-fs.target": ["remote-fs-pre.target"],
    "multi-user.target": ["basic.target", "rescue.target"],
    "graphical.target": ["multi-user.target", "rescue.target"],
    "rescue.target": ["sysinit.target"],
    "emergency.target": [],
    "network.target": ["network-pre.target"],
    "network-online.target": ["network.target"],
    "time-sync.target": ["time-set.target"],
    "final.target": ["shutdown.target", "umount.target"],
    "boot-complete.target": ["sysinit.target"],
    "system-update.target": ["sysinit.target", "system-update-pre.target"],
    "slices.target": ["-.slice", "system.slice"],
  },
  user: {
    "basic.target": ["sockets.target", "timers.target", "paths.target"],
    "default.target": ["basic.target"],
  },
};

/**
 * Units the manager makes itself, with no unit file, and without default dependencies (the root slice and the
 * manager's own scope). The units systemd ships as files that set DefaultDependencies=no are generated from its
 * units/ folder: SYSTEMD_UNITS_WITHOUT_DEFAULT_DEPENDENCIES.
 */
export const BUILTIN_WITHOUT_DEFAULT_DEPENDENCIES: ReadonlySet<string> = new Set(["-.slice", "init.scope"]);

/**
 * The ordering a unit gets from DefaultDependencies=yes, as in systemd 252's
 * `<type>_add_default_dependencies()` (systemd.service(5), systemd.socket(5),
 * systemd.timer(5), systemd.path(5), systemd.target(5), systemd.slice(5)
 * "Default Dependencies"). Mount, swap, automount, device and scope units get
 * theirs from fstab and the device tree and are left out.
 */
export function defaultOrdering(type: string, mode: "system" | "user", opts: { name: string; calendar?: boolean }): { after: string[]; before: string[] } {
  const system = mode === "system";
  switch (type) {
    case "service":
      return { after: system ? ["sysinit.target", "basic.target"] : ["basic.target"], before: ["shutdown.target"] };
    case "socket":
      return { after: system ? ["sysinit.target"] : [], before: ["sockets.target", "shutdown.target"] };
    case "path":
      return { after: system ? ["sysinit.target"] : [], before: ["paths.target", "shutdown.target"] };
    case "timer":
      return {
        after: system ? ["sysinit.target", ...(opts.calendar ? ["time-set.target", "time-sync.target"] : [])] : [],
        before: ["timers.target", "shutdown.target"],
      };
    case "target":
      return { after: [], before: opts.name === "shutdown.target" ? [] : ["shutdown.target"] };
    case "slice":
      return { after: [], before: ["shutdown.target"] };
    default:
      return { after: [], before: [] };
  }
}

/**
 * A unit file of the per-user manager: under a user unit folder
 * (~/.config/systemd/user, /usr/lib/systemd/user, or a project's systemd/user
 * folder linked there, as GWCelery does).
 */
export function isUserUnitPath(path: string): boolean {
  return /(^|\/)systemd\/user\//.test(path);
}
