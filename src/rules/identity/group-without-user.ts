import { defineRule } from "../types.js";

export default defineRule({
  meta: {
    id: "identity/group-without-user",
    family: "identity",
    // off by default: Group= without User= is written on purpose (the daemon starts as root and drops privileges
    // itself); the strict preset enables it
    severity: "off",
    presets: ["strict"],
    unitTypes: ["service"],
    fixable: "none",
    messages: { group: "Group={group} without User=: the service still runs as root, only with that group" },
    docs: {
      summary: "`Group=` set without `User=`.",
      rationale: "Without User= the service runs as root; Group= only changes the primary group. It usually means User= was forgotten.",
      bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nGroup=app\n" },
      good: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nUser=app\nGroup=app\n" },
      reference: "systemd.exec(5) User=, Group=",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    const g = u.last("Service", "Group");
    if (!g || g.value === "" || !u.main) return;
    if (u.get("Service", "User") !== undefined || u.get("Service", "DynamicUser") !== undefined) return;
    ctx.report({ messageId: "group", data: { group: g.value }, file: g.file, range: g.entry.range });
  },
});
