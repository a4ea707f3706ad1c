import { settingRule } from "./hardening-helper.js";

export default settingRule({
  id: "hardening/capability-bounding-set",
  setting: "CapabilityBoundingSet",
  checks: ["CapabilityBoundingSet_CAP_SYS_ADMIN"],
  recommended: ["CapabilityBoundingSet=~CAP_SYS_ADMIN CAP_SYS_PTRACE CAP_SYS_MODULE CAP_SYS_RAWIO"],
  what: "List the capabilities it needs (none for a non-root user) or at least drop the dangerous ones.",
  docs: {
    summary: "A service whose capability bounding set still includes CAP_SYS_ADMIN.",
    rationale:
      "The bounding set caps what the service's processes can ever hold. CAP_SYS_ADMIN alone is close to full root. A service running as an unprivileged user can use an empty set (`CapabilityBoundingSet=`); a root service should list only what it needs.",
    bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nUser=app\n" },
    good: {
      filename: "app.service",
      text: "[Service]\nExecStart=/usr/bin/app\nUser=app\nCapabilityBoundingSet=~CAP_SYS_ADMIN CAP_SYS_PTRACE CAP_SYS_MODULE CAP_SYS_RAWIO\n",
    },
    reference: "systemd.exec(5) CapabilityBoundingSet=",
  },
});
