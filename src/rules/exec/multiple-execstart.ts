import { defineRule } from "../types.js";
import { valueSubRange } from "../../parser/unit/index.js";
import { commandsOf, serviceType } from "../loading/loading-helper.js";

export default defineRule({
  meta: {
    id: "exec/multiple-execstart",
    family: "exec",
    severity: "error",
    unitTypes: ["service"],
    fixable: "none",
    messages: {
      many: "{count} ExecStart= commands, but only Type=oneshot services may have more than one: systemd refuses to load this one. Move the others to ExecStartPre=/ExecStartPost=, or set Type=oneshot",
    },
    docs: {
      summary: "More than one `ExecStart=` command in a service that is not `Type=oneshot` (a line `ExecStart=/bin/a ; /bin/b` holds two).",
      rationale:
        'systemd 252 rejects the unit ("Service has more than one ExecStart= setting, which is only allowed for Type=oneshot services"). A lone `;` still separates commands on one line, so that counts as well. Use ExecStartPre=/ExecStartPost=, or Type=oneshot for a sequence of commands.',
      bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app-migrate\nExecStart=/usr/bin/app\n" },
      good: { filename: "app.service", text: "[Service]\nExecStartPre=/usr/bin/app-migrate\nExecStart=/usr/bin/app\n" },
      reference: "systemd.service(5) ExecStart=",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    const starts = commandsOf(u, "Service", "ExecStart");
    if (starts.length < 2 || serviceType(u) === "oneshot") return;
    const second = starts[1]!;
    const range =
      second.a === starts[0]!.a
        ? valueSubRange(second.a.entry, second.cmd.prefixEnd - second.cmd.prefixes.join("").length, second.cmd.to)
        : second.a.entry.range;
    ctx.report({ messageId: "many", data: { count: starts.length }, file: second.a.file, range });
  },
});
