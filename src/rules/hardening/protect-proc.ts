import { settingRule } from "./hardening-helper.js";

export default settingRule({
  id: "hardening/protect-proc",
  setting: "ProtectProc",
  checks: ["ProtectProc"],
  recommended: ["ProtectProc=invisible"],
  what: "Hide other users' processes in /proc.",
  skip: (t) => t.monitorsProcesses,
  docs: {
    summary: "A service that sees every process in /proc.",
    rationale:
      "Command lines and environments in /proc leak secrets and reveal what else runs on the machine. `ProtectProc=invisible` shows the service only processes it may ptrace; monitoring agents need the full view.",
    bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nUser=app\n" },
    good: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nUser=app\nProtectProc=invisible\n" },
    reference: "systemd.exec(5) ProtectProc=",
  },
});
