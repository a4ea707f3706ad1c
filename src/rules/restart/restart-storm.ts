import { parseTimespan } from "../../calendar/index.js";
import { defineRule } from "../types.js";

export default defineRule({
  meta: {
    id: "restart/restart-storm",
    family: "restart",
    severity: "warning",
    unitTypes: ["service"],
    fixable: "none",
    messages: {
      unlimited:
        "Restart={restart} with StartLimitIntervalSec=0 (no start-rate limit) and RestartSec={delay}: a service that fails at start restarts forever, {rate}",
    },
    docs: {
      summary: "A restarting service with the start-rate limit switched off and a short (or default 100ms) restart delay.",
      rationale:
        "systemd's start limit (5 starts in 10 s by default) is what stops a crash loop. With `StartLimitIntervalSec=0` and a short RestartSec=, a service that fails at start spins forever, flooding the journal and hammering its dependencies.",
      bad: { filename: "app.service", text: "[Unit]\nStartLimitIntervalSec=0\n\n[Service]\nExecStart=/usr/bin/app\nRestart=always\n" },
      good: { filename: "app.service", text: "[Unit]\nStartLimitIntervalSec=0\n\n[Service]\nExecStart=/usr/bin/app\nRestart=always\nRestartSec=5\n" },
      reference: "systemd.unit(5) StartLimitIntervalSec=, systemd.service(5) RestartSec=",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    const restart = u.get("Service", "Restart");
    if (!restart || restart === "no") return;
    const interval =
      u.get("Unit", "StartLimitIntervalSec") ??
      u.get("Service", "StartLimitIntervalSec") ??
      u.get("Unit", "StartLimitInterval") ??
      u.get("Service", "StartLimitInterval");
    if (interval === undefined) return;
    const iv = parseTimespan(interval);
    if (!iv.ok || iv.usec !== 0n) return;
    const delayText = u.get("Service", "RestartSec") ?? "100ms";
    const d = parseTimespan(delayText);
    if (!d.ok || d.usec >= 1_000_000n) return;
    const r = u.last("Service", "Restart")!;
    const perSecond = d.usec === 0n ? "as fast as it can" : `about ${Math.round(1_000_000 / Number(d.usec))} times a second`;
    ctx.report({
      messageId: "unlimited",
      data: { restart, delay: delayText + (u.get("Service", "RestartSec") ? "" : " (the default)"), rate: perSecond },
      file: r.file,
      range: r.entry.range,
    });
  },
});
