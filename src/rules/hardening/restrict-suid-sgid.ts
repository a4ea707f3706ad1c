import { settingRule } from "./hardening-helper.js";

export default settingRule({
  id: "hardening/restrict-suid-sgid",
  setting: "RestrictSUIDSGID",
  checks: ["RestrictSUIDSGID"],
  recommended: ["RestrictSUIDSGID=yes"],
  what: "Forbid creating set-user/group-ID files.",
  docs: {
    summary: "A service that may create set-user-ID or set-group-ID files.",
    rationale:
      "A compromised service that can create set-ID files can leave a backdoor that runs with its identity for anyone. Services never need to create them.",
    bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nUser=app\n" },
    good: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nUser=app\nRestrictSUIDSGID=yes\n" },
    reference: "systemd.exec(5) RestrictSUIDSGID=",
  },
});
