/**
 * systemd.special(7): units systemd itself provides, which a unit may name
 * without shipping them (for completion and reference checks).
 */
export const SPECIAL_UNITS: string[] = [
  "basic.target", "bluetooth.target", "boot-complete.target", "cryptsetup-pre.target", "cryptsetup.target", "ctrl-alt-del.target",
  "default.target", "emergency.target", "exit.target", "factory-reset.target", "final.target", "first-boot-complete.target",
  "getty-pre.target", "getty.target", "graphical.target", "halt.target", "hibernate.target", "hybrid-sleep.target",
  "initrd-fs.target", "initrd-root-device.target", "initrd-root-fs.target", "initrd-switch-root.target", "initrd.target",
  "kexec.target", "local-fs-pre.target", "local-fs.target", "multi-user.target", "network-online.target", "network-pre.target",
  "network.target", "nss-lookup.target", "nss-user-lookup.target", "paths.target", "poweroff.target", "printer.target",
  "reboot.target", "remote-cryptsetup.target", "remote-fs-pre.target", "remote-fs.target", "rescue.target", "rpcbind.target",
  "shutdown.target", "sigpwr.target", "sleep.target", "slices.target", "smartcard.target", "sockets.target", "sound.target",
  "suspend-then-hibernate.target", "suspend.target", "swap.target", "sysinit.target", "system-update-pre.target",
  "system-update.target", "time-set.target", "time-sync.target", "timers.target", "umount.target", "usb-gadget.target",
  "-.mount", "-.slice", "dbus.service", "dbus.socket", "display-manager.service", "init.scope", "machine.slice",
  "syslog.socket", "system.slice", "user.slice", "systemd-journald.service", "systemd-logind.service",
  // user manager specials
  "graphical-session.target", "graphical-session-pre.target", "xdg-desktop-autostart.target", "app.slice", "background.slice", "session.slice",
];
