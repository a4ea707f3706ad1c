import { defineRule } from "../types.js";

export default defineRule({
  meta: {
    id: "exec/multiple-execstart",
    family: "exec",
    severity: "error",
    unitTypes: ["service"],
    fixable: "none",
    messages: { many: "{count} ExecStart= commands, but only Type=oneshot services may have more than one; systemd refuses to start this one" },
    docs: {
      summary: "Several `ExecStart=` lines in a service that is not `Type=oneshot`.",
      rationale: "systemd rejects the unit (\"Service has more than one ExecStart= setting, which is only allowed for Type=oneshot services\"). Use ExecStartPre=/ExecStartPost=, or Type=oneshot for a sequence of commands.",
      bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app-migrate\nExecStart=/usr/bin/app\n" },
      good: { filename: "app.service", text: "[Service]\nExecStartPre=/usr/bin/app-migrate\nExecStart=/usr/bin/app\n" },
      reference: "systemd.service(5) ExecStart=",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    const type = u.get("Service", "Type") ?? "simple";
    const starts = u.list("Service", "ExecStart").filter((a) => a.value !== "");
    if (type === "oneshot" || starts.length < 2) return;
    ctx.report({ messageId: "many", data: { count: starts.length }, file: starts[1]!.file, range: starts[1]!.entry.range });
  },
});
