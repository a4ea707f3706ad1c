import { defineRule } from "../types.js";

export default defineRule({
  meta: {
    id: "restart/oneshot-restart",
    family: "restart",
    severity: "error",
    unitTypes: ["service"],
    fixable: "none",
    messages: { refused: "Restart={restart} with Type=oneshot: systemd refuses to load the service (only no and on-failure/on-abnormal/on-abort/on-watchdog are allowed)" },
    docs: {
      summary: "`Restart=always` or `Restart=on-success` on a `Type=oneshot` service.",
      rationale: "systemd 252 rejects the unit (\"Service has Restart= set to either always or on-success, which isn't allowed for Type=oneshot services\"). For a periodic job use a timer; to retry a failing job use Restart=on-failure.",
      bad: { filename: "job.service", text: "[Service]\nType=oneshot\nExecStart=/usr/local/bin/job\nRestart=always\n" },
      good: { filename: "job.service", text: "[Service]\nType=oneshot\nExecStart=/usr/local/bin/job\nRestart=on-failure\n" },
      reference: "systemd.service(5) Restart=",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    const r = u.last("Service", "Restart");
    if (!r || (u.get("Service", "Type") ?? "simple") !== "oneshot") return;
    if (r.value === "always" || r.value === "on-success") ctx.report({ messageId: "refused", data: { restart: r.value }, file: r.file, range: r.entry.valueRange });
  },
});
