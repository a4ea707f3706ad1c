import { settingRule } from "./hardening-helper.js";

export default settingRule({
  id: "hardening/restrict-realtime",
  setting: "RestrictRealtime",
  checks: ["RestrictRealtime"],
  recommended: ["RestrictRealtime=yes"],
  what: "Forbid realtime scheduling, which can starve the machine.",
  docs: {
    summary: "A service that may switch to realtime scheduling.",
    rationale:
      "A realtime process that spins never yields the CPU: a denial of service for the whole machine. Only audio and control software needs realtime priority.",
    bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nUser=app\n" },
    good: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nUser=app\nRestrictRealtime=yes\n" },
    reference: "systemd.exec(5) RestrictRealtime=",
  },
});
