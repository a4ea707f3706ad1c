import { defineRule } from "../types.js";

export default defineRule({
  meta: {
    id: "timers/not-installable",
    family: "timers",
    severity: "warning",
    unitTypes: ["timer"],
    fixable: "safe",
    messages: {
      missing: "{timer} has no [Install] section: `systemctl enable` cannot enable it, so it never starts after a reboot; add WantedBy=timers.target",
      target: "{timer} is installed into {target}; timers belong to timers.target, which is started early and orders them correctly",
    },
    docs: {
      summary: "A timer that `systemctl enable` cannot enable (no `[Install]`), or one installed into another target than `timers.target`.",
      rationale: "A timer only runs after a reboot if it is enabled, and enabling needs `[Install] WantedBy=`. `timers.target` is the place for timers: it is reached at boot before most services need them.",
      bad: { filename: "backup.timer", text: "[Timer]\nOnCalendar=daily\n" },
      good: { filename: "backup.timer", text: "[Timer]\nOnCalendar=daily\n\n[Install]\nWantedBy=timers.target\n" },
      fix: "Appends `[Install]` with `WantedBy=timers.target` to a timer that has no [Install] section (safe: it only matters when someone enables the timer, which is what the section is for).",
      reference: "systemd.timer(5), systemd.special(7) timers.target",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    if (!u.main || u.name.isInstance) return;
    const wanted = ["WantedBy", "RequiredBy", "UpheldBy", "Also", "Alias"].some((k) => u.list("Install", k).length > 0);
    if (!wanted && !(ctx.settings.enabledUnits ?? []).includes(u.name.name)) {
      // only the unit file itself can be told: a drop-in may add [Install] elsewhere
      if (u.dropins.some((d) => d.ast.sections.some((s) => s.name === "Install"))) return;
      const text = u.main.source.text;
      const end = text.length;
      const sep = text.endsWith("\n") ? "\n" : "\n\n";
      ctx.report({
        messageId: "missing",
        data: { timer: u.name.name },
        file: u.main,
        range: { start: 0, end: 0 },
        fix: { description: "Add [Install] WantedBy=timers.target", safe: true, edits: [{ start: end, end, text: `${sep}[Install]\nWantedBy=timers.target\n` }] },
      });
      return;
    }
    for (const a of u.list("Install", "WantedBy")) {
      for (const t of a.value.split(/\s+/).filter(Boolean)) {
        if (["multi-user.target", "default.target", "graphical.target", "basic.target"].includes(t)) ctx.report({ messageId: "target", data: { timer: u.name.name, target: t }, file: a.file, range: a.entry.range, severity: "info" });
      }
    }
  },
});
