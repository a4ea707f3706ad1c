import { defineRule } from "../types.js";
import { lastAccepted, serviceType } from "./loading-helper.js";

export default defineRule({
  meta: {
    id: "loading/oneshot-conflict",
    family: "loading",
    severity: "error",
    unitTypes: ["service"],
    fixable: "none",
    messages: {
      forceStatus: "RestartForceExitStatus= on a Type=oneshot service: systemd refuses to load it. Remove the line, or use another Type=",
      exitType: "ExitType=cgroup on a Type=oneshot service: systemd refuses to load it. Remove the line (oneshot already waits for its command)",
    },
    docs: {
      summary: "`RestartForceExitStatus=` or `ExitType=cgroup` on a `Type=oneshot` service (also one that is oneshot by default, having no `ExecStart=`).",
      rationale:
        "systemd 252 refuses to load a oneshot service with either setting, so the unit never runs. (`Restart=always`/`on-success` is the third such case, see restart/oneshot-restart.)",
      bad: { filename: "job.service", text: "[Service]\nType=oneshot\nExecStart=/usr/local/bin/job\nExitType=cgroup\n" },
      good: { filename: "job.service", text: "[Service]\nType=oneshot\nExecStart=/usr/local/bin/job\n" },
      reference: "systemd.service(5) Type=",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    if (serviceType(u) !== "oneshot") return;
    const force = u.list("Service", "RestartForceExitStatus");
    const last = force[force.length - 1];
    if (last) ctx.report({ messageId: "forceStatus", file: last.file, range: last.entry.range });
    const exit = lastAccepted(u, "Service", "ExitType", (v) => v === "main" || v === "cgroup");
    if (exit?.value === "cgroup") ctx.report({ messageId: "exitType", file: exit.file, range: exit.entry.range });
  },
});
