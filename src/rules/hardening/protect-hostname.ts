import { settingRule } from "./hardening-helper.js";

export default settingRule({
  id: "hardening/protect-hostname",
  setting: "ProtectHostname",
  checks: ["ProtectHostname"],
  recommended: ["ProtectHostname=yes"],
  what: "Keep it from changing the hostname.",
  skip: (t) => t.setsHostname,
  docs: {
    summary: "A service that may change the hostname.",
    rationale: "Changing the hostname confuses logs, monitoring and clustered software; services other than hostname tools never do it.",
    bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nUser=app\n" },
    good: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nUser=app\nProtectHostname=yes\n" },
    reference: "systemd.exec(5) ProtectHostname=",
  },
});
