import { defineRule } from "../types.js";
import { lastAccepted, serviceType } from "../loading/loading-helper.js";

export default defineRule({
  meta: {
    id: "restart/oneshot-restart",
    family: "restart",
    severity: "error",
    unitTypes: ["service"],
    fixable: "none",
    messages: {
      refused:
        "Restart={restart} with Type=oneshot: systemd refuses to load the service. Use Restart=on-failure (or no, on-abnormal, on-abort, on-watchdog), or a timer to run it again",
    },
    docs: {
      summary: "`Restart=always` or `Restart=on-success` on a `Type=oneshot` service.",
      rationale:
        'systemd 252 rejects the unit ("Service has Restart= set to either always or on-success, which isn\'t allowed for Type=oneshot services"). For a periodic job use a timer; to retry a failing job use Restart=on-failure.',
      bad: { filename: "job.service", text: "[Service]\nType=oneshot\nExecStart=/usr/local/bin/job\nRestart=always\n" },
      good: { filename: "job.service", text: "[Service]\nType=oneshot\nExecStart=/usr/local/bin/job\nRestart=on-failure\n" },
      reference: "systemd.service(5) Restart=",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    const r = lastAccepted(u, "Service", "Restart", (v) => ["no", "always", "on-success", "on-failure", "on-abnormal", "on-abort", "on-watchdog"].includes(v));
    if (!r || serviceType(u) !== "oneshot") return;
    if (r.value === "always" || r.value === "on-success")
      ctx.report({ messageId: "refused", data: { restart: r.value }, file: r.file, range: r.entry.valueRange });
  },
});
