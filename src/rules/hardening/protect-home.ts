import { settingRule } from "./hardening-helper.js";

export default settingRule({
  id: "hardening/protect-home",
  setting: "ProtectHome",
  checks: ["ProtectHome"],
  recommended: ["ProtectHome=yes"],
  what: "Hide /home, /root and /run/user, or make them read-only when the service reads from a home directory.",
  skip: (t) => t.usesHome,
  docs: {
    summary: "A service that may read or write users' home directories.",
    rationale:
      "Home directories hold SSH keys, browser profiles and shell histories. Few services need them; `ProtectHome=yes` makes them invisible, `read-only` or `tmpfs` are the middle grounds for services that read something there.",
    bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nUser=app\n" },
    good: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nUser=app\nProtectHome=yes\n" },
    reference: "systemd.exec(5) ProtectHome=",
  },
});
