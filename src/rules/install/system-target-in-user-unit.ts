import { isUserUnitPath } from "../../knowledge/special-units.js";
import { defineRule } from "../types.js";

const SYSTEM_ONLY = new Set(["multi-user.target", "graphical.target", "sysinit.target", "network-online.target", "network.target", "rescue.target"]);

export { isUserUnitPath };

export default defineRule({
  meta: {
    id: "install/system-target-in-user-unit",
    family: "install",
    severity: "error",
    fixable: "safe",
    messages: { system: "{key}={target} in a user unit: the user manager has no {target}, so enabling does nothing; use default.target" },
    docs: {
      summary: "A user unit (`systemctl --user`) that installs into a system target such as `multi-user.target`.",
      rationale:
        "The per-user manager has its own targets (default.target, basic.target...). `WantedBy=multi-user.target` in a user unit creates a symlink nobody reads: the service never starts at login.",
      bad: { filename: "systemd/user/worker.service", text: "[Service]\nExecStart=%h/.local/bin/worker\n\n[Install]\nWantedBy=multi-user.target\n" },
      good: { filename: "systemd/user/worker.service", text: "[Service]\nExecStart=%h/.local/bin/worker\n\n[Install]\nWantedBy=default.target\n" },
      fix: "Replaces the system target by default.target, the user manager's equivalent.",
      reference: "systemd.special(7) Special Passive User Units",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    const files = u.files;
    if (ctx.settings.mode !== "user" && !files.some((f) => isUserUnitPath(f.path))) return;
    for (const key of ["WantedBy", "RequiredBy"]) {
      for (const a of u.list("Install", key)) {
        for (const target of a.value.split(/\s+/)) {
          if (!SYSTEM_ONLY.has(target)) continue;
          const at = a.entry.valueRange.start + a.value.indexOf(target);
          ctx.report({
            messageId: "system",
            data: { key, target },
            file: a.file,
            range: { start: at, end: at + target.length },
            fix: { description: "Use default.target", safe: true, edits: [{ start: at, end: at + target.length, text: "default.target" }] },
          });
        }
      }
    }
  },
});
