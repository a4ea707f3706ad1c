import { settingRule } from "./hardening-helper.js";

export default settingRule({
  id: "hardening/restrict-namespaces",
  setting: "RestrictNamespaces",
  checks: [
    "RestrictNamespaces_user",
    "RestrictNamespaces_mnt",
    "RestrictNamespaces_ipc",
    "RestrictNamespaces_pid",
    "RestrictNamespaces_cgroup",
    "RestrictNamespaces_net",
    "RestrictNamespaces_uts",
  ],
  recommended: ["RestrictNamespaces=yes"],
  what: "Forbid creating namespaces unless it is a container tool or runs a sandboxing browser.",
  skip: (t) => t.usesNamespaces,
  docs: {
    summary: "A service that may create kernel namespaces.",
    rationale:
      "User namespaces in particular expose kernel code paths otherwise reserved to root and have been behind many privilege escalations. Services that are not container or sandboxing tools never create namespaces.",
    bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nUser=app\n" },
    good: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nUser=app\nRestrictNamespaces=yes\n" },
    reference: "systemd.exec(5) RestrictNamespaces=",
  },
});
