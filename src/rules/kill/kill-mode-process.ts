import { defineRule } from "../types.js";

export default defineRule({
  meta: {
    id: "kill/kill-mode-process",
    family: "kill",
    // off by default: KillMode=process is always a deliberate choice (daemons that must outlive a restart, rescue
    // shells); distribution units make it on purpose (docs/rules-review.md). The strict preset enables it
    severity: "off",
    presets: ["strict"],
    unitTypes: ["service", "socket", "mount", "swap"],
    fixable: "none",
    messages: {
      process:
        "KillMode=process stops only the main process: its children keep running after the service stops (and are adopted by the next start); KillMode=mixed sends SIGTERM to the main process and cleans up the rest",
    },
    docs: {
      summary: "`KillMode=process`, which leaves a service's other processes running when it stops.",
      rationale:
        "systemd documents KillMode=process as not recommended: workers forked by the service survive `systemctl stop`, keep files and ports busy, and pile up across restarts. `mixed` gives the main process a graceful SIGTERM and still cleans up the cgroup.",
      bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nKillMode=process\n" },
      good: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nKillMode=mixed\n" },
      reference: "systemd.kill(5) KillMode=",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    const section = u.type === "service" ? "Service" : u.type === "socket" ? "Socket" : u.type === "mount" ? "Mount" : "Swap";
    const k = u.last(section, "KillMode");
    if (k && k.value === "process") ctx.report({ messageId: "process", file: k.file, range: k.entry.valueRange });
  },
});
