import { settingRule } from "./hardening-helper.js";

export default settingRule({
  id: "hardening/lock-personality",
  setting: "LockPersonality",
  checks: ["LockPersonality"],
  recommended: ["LockPersonality=yes"],
  what: "Lock the execution domain; only emulators change it.",
  docs: {
    summary: "A service that may change its execution domain with personality(2).",
    rationale: "Changing the personality (e.g. to READ_IMPLIES_EXEC) weakens memory protections; only emulators need it.",
    bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nUser=app\n" },
    good: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nUser=app\nLockPersonality=yes\n" },
    reference: "systemd.exec(5) LockPersonality=",
  },
});
