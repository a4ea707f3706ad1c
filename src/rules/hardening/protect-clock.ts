import { settingRule } from "./hardening-helper.js";

export default settingRule({
  id: "hardening/protect-clock",
  setting: "ProtectClock",
  checks: ["ProtectClock"],
  recommended: ["ProtectClock=yes"],
  what: "Keep it from changing the clocks unless it is a time daemon.",
  skip: (t) => t.setsClock,
  docs: {
    summary: "A service that may set the system or hardware clock.",
    rationale: "A wrong clock breaks TLS, Kerberos, logs and timers. Only NTP and PTP daemons set it; unitlint leaves those alone.",
    bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nUser=app\n" },
    good: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nUser=app\nProtectClock=yes\n" },
    reference: "systemd.exec(5) ProtectClock=",
  },
});
