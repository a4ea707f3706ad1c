import { settingRule } from "./hardening-helper.js";

export default settingRule({
  id: "hardening/protect-kernel",
  setting: "ProtectKernelTunables",
  checks: ["ProtectKernelTunables", "ProtectKernelModules", "ProtectKernelLogs"],
  recommended: ["ProtectKernelTunables=yes", "ProtectKernelModules=yes", "ProtectKernelLogs=yes"],
  what: "Make kernel tunables read-only and keep it away from kernel modules and the kernel log.",
  docs: {
    summary: "A service that may change kernel tunables, load kernel modules or access the kernel log buffer.",
    rationale:
      "`ProtectKernelTunables=`, `ProtectKernelModules=` and `ProtectKernelLogs=` take away the most direct ways to tamper with the running kernel: /proc/sys and /sys writes, module loading and /dev/kmsg. Ordinary services need none of them.",
    bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nUser=app\n" },
    good: {
      filename: "app.service",
      text: "[Service]\nExecStart=/usr/bin/app\nUser=app\nProtectKernelTunables=yes\nProtectKernelModules=yes\nProtectKernelLogs=yes\n",
    },
    reference: "systemd.exec(5) ProtectKernelTunables=",
  },
});
