import { settingRule } from "./hardening-helper.js";

export default settingRule({
  id: "hardening/protect-control-groups",
  setting: "ProtectControlGroups",
  checks: ["ProtectControlGroups"],
  recommended: ["ProtectControlGroups=yes"],
  what: "Make the cgroup tree read-only unless it manages containers.",
  skip: (t) => t.usesNamespaces,
  docs: {
    summary: "A service that may modify the control group file system.",
    rationale: "Writing to /sys/fs/cgroup lets a process escape the resource limits and accounting systemd set up for it. Only container managers need it.",
    bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nUser=app\n" },
    good: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nUser=app\nProtectControlGroups=yes\n" },
    reference: "systemd.exec(5) ProtectControlGroups=",
  },
});
