import { settingRule } from "./hardening-helper.js";

export default settingRule({
  id: "hardening/private-devices",
  setting: "PrivateDevices",
  checks: ["PrivateDevices"],
  recommended: ["PrivateDevices=yes"],
  what: "Unless it drives hardware, give it a /dev with only the pseudo devices.",
  skip: (t) => t.usesDevices,
  docs: {
    summary: "A service that can reach hardware devices.",
    rationale:
      "`PrivateDevices=yes` gives the service a minimal /dev (null, zero, random, tty\u2026), drops CAP_MKNOD and CAP_SYS_RAWIO and closes the device cgroup. Raw disks, input devices and the like are out of reach. Services that drive hardware need DeviceAllow= instead.",
    bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nUser=app\n" },
    good: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nUser=app\nPrivateDevices=yes\n" },
    reference: "systemd.exec(5) PrivateDevices=",
  },
});
