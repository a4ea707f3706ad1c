import { settingRule } from "./hardening-helper.js";

export default settingRule({
  id: "hardening/system-call-filter",
  setting: "SystemCallFilter",
  checks: ["SystemCallFilter_privileged"],
  recommended: ["SystemCallFilter=@system-service", "SystemCallFilter=~@privileged @resources"],
  what: "Allow the system calls ordinary services use and deny the privileged ones.",
  docs: {
    summary: "A service without a system call filter that blocks privileged system calls.",
    rationale:
      "A seccomp filter limits the kernel surface a compromised process can reach. `@system-service` covers what ordinary services do; removing `@privileged` and `@resources` leaves out calls that need root or change resource limits. Add `SystemCallErrorNumber=EPERM` to have blocked calls fail instead of killing the process.",
    bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nUser=app\n" },
    good: {
      filename: "app.service",
      text: "[Service]\nExecStart=/usr/bin/app\nUser=app\nSystemCallFilter=@system-service\nSystemCallFilter=~@privileged @resources\n",
    },
    reference: "systemd.exec(5) SystemCallFilter=",
  },
});
