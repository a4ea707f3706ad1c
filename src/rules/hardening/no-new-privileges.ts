import { settingRule } from "./hardening-helper.js";

export default settingRule({
  id: "hardening/no-new-privileges",
  setting: "NoNewPrivileges",
  checks: ["NoNewPrivileges"],
  recommended: ["NoNewPrivileges=yes"],
  what: "Without it, set-user-ID programs and file capabilities let the service's processes become more privileged than it is.",
  docs: {
    summary: "A service without `NoNewPrivileges=yes`.",
    rationale:
      "A compromised process can escalate through any set-ID binary on the system (passwd, mount, sudo\u2026). NoNewPrivileges= makes execve() unable to grant privileges; it is also what keeps a seccomp filter from being shed. It breaks services that call sudo, su or other set-ID helpers on purpose.",
    bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nUser=app\n" },
    good: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nUser=app\nNoNewPrivileges=yes\n" },
    reference: "systemd.exec(5) NoNewPrivileges=",
  },
});
