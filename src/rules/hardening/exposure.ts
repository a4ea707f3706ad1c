import { formatExposure } from "../../hardening/assess.js";
import { sortChecks } from "../../hardening/report.js";
import { defineRule } from "../types.js";
import { assessmentOf, sectionAnchor } from "./hardening-helper.js";

const DEFAULT_EXPOSURE_THRESHOLD = 5.0;

export default defineRule({
  meta: {
    id: "hardening/exposure",
    family: "hardening",
    severity: "off",
    presets: ["hardening"],
    unitTypes: ["service"],
    fixable: "none",
    options: {
      threshold: { type: "number", minimum: 0, maximum: 10, description: "Report services whose exposure score is above this (0.0–10.0); default 5.0." },
    },
    messages: {
      above:
        "Exposure {score} {rating} is above the threshold {threshold} (as systemd-analyze security scores it); the largest shares: {worst}. `unitlint harden {file}` suggests a drop-in that brings it down",
    },
    docs: {
      summary: "A service whose overall exposure score (`systemd-analyze security`) is above a configured threshold.",
      rationale:
        'The exposure score sums 81 weighted sandboxing checks into one number from 0.0 (everything locked down) to 10.0 (nothing restricted). A threshold in CI keeps new services from landing unhardened and existing ones from regressing. Off by default; the `hardening` preset turns it on at 5.0, and `["warning", {"threshold": 7.5}]` in the config sets another bar.',
      bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\n" },
      good: {
        filename: "app.service",
        text: "[Service]\nExecStart=/usr/bin/app\nDynamicUser=yes\nCapabilityBoundingSet=\nPrivateDevices=yes\nPrivateNetwork=yes\nPrivateUsers=yes\nProtectKernelTunables=yes\nProtectKernelModules=yes\nProtectKernelLogs=yes\nProtectControlGroups=yes\nProtectClock=yes\nProtectHostname=yes\nProtectHome=yes\nProtectProc=invisible\nRestrictNamespaces=yes\nRestrictAddressFamilies=AF_UNIX\nSystemCallFilter=@system-service\nSystemCallFilter=~@privileged @resources\nSystemCallArchitectures=native\nLockPersonality=yes\nMemoryDenyWriteExecute=yes\nRestrictRealtime=yes\nUMask=0077\n",
      },
      reference: "systemd-analyze(1) security",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    if (!u.main) return;
    const a = assessmentOf(u, ctx.settings.mode);
    if (!a) return;
    const threshold = ctx.options.threshold ?? DEFAULT_EXPOSURE_THRESHOLD;
    if (a.exposure <= Math.round(threshold * 10)) return;
    const worst = sortChecks(a.checks)
      .filter((c) => c.exposure)
      .slice(0, 3)
      .map((c) => `${c.check.id} ${formatExposure(c.exposure!)}`)
      .join(", ");
    const anchor = sectionAnchor(u);
    if (!anchor) return;
    ctx.report({
      messageId: "above",
      data: { score: formatExposure(a.exposure), rating: a.rating, threshold: threshold.toFixed(1), worst, file: u.main.path },
      file: anchor.file,
      range: anchor.range,
    });
  },
});
