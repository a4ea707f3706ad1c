import { settingRule } from "./hardening-helper.js";

export default settingRule({
  id: "hardening/protect-system",
  setting: "ProtectSystem",
  checks: ["ProtectSystem"],
  recommended: ["ProtectSystem=strict"],
  what: "Make the OS tree read-only and list what the service writes in ReadWritePaths= or use StateDirectory=/LogsDirectory=.",
  docs: {
    summary: "A service that may write to the OS file hierarchy (`ProtectSystem=` unset, `no`, `yes` or `full`).",
    rationale:
      "With `ProtectSystem=strict` the whole file system is read-only for the service except the API file systems and what it is explicitly given (`ReadWritePaths=`, `StateDirectory=`, `LogsDirectory=`, `RuntimeDirectory=`). A compromised or buggy service then cannot replace binaries or configuration. `full` is a softer first step (/usr, /boot, /etc read-only).",
    bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nUser=app\nProtectSystem=full\n" },
    good: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nUser=app\nProtectSystem=strict\nStateDirectory=app\n" },
    reference: "systemd.exec(5) ProtectSystem=",
  },
});
