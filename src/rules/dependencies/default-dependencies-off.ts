import { parseBoolean } from "../../values/primitives.js";
import { defineRule } from "../types.js";

export default defineRule({
  meta: {
    id: "dependencies/default-dependencies-off",
    family: "dependencies",
    // off by default: systemd's own early-boot units do this on purpose; the strict preset enables it
    severity: "off",
    presets: ["strict"],
    unitTypes: ["service", "socket", "timer", "path", "mount", "swap", "target"],
    fixable: "none",
    messages: {
      shutdown:
        "DefaultDependencies=no drops the implicit Conflicts=shutdown.target and Before=shutdown.target: without them {unit} is not stopped in order at shutdown",
    },
    docs: {
      summary: "`DefaultDependencies=no` without re-adding `Conflicts=shutdown.target` and `Before=shutdown.target`.",
      rationale:
        "Default dependencies order a unit into boot and shutdown. Early-boot units turn them off, but almost all of them still need to be stopped cleanly: systemd's own such units keep the two shutdown dependencies.",
      bad: {
        filename: "early.service",
        text: "[Unit]\nDefaultDependencies=no\nBefore=sysinit.target\n\n[Service]\nType=oneshot\nExecStart=/usr/bin/early-setup\n",
      },
      good: {
        filename: "early.service",
        text: "[Unit]\nDefaultDependencies=no\nConflicts=shutdown.target\nBefore=sysinit.target shutdown.target\n\n[Service]\nType=oneshot\nExecStart=/usr/bin/early-setup\n",
      },
      reference: "systemd.unit(5) DefaultDependencies=, systemd.special(7) shutdown.target",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    const d = u.last("Unit", "DefaultDependencies");
    if (!d || parseBoolean(d.value) !== false || !u.main) return;
    const words = (k: string) => new Set(u.list("Unit", k).flatMap((a) => a.value.split(/\s+/)));
    // Units that run until the very end on purpose order themselves against other final targets.
    const before = words("Before");
    const conflicts = words("Conflicts");
    if (
      conflicts.has("shutdown.target") ||
      ["final.target", "shutdown.target", "umount.target", "reboot.target", "poweroff.target", "halt.target", "kexec.target"].some(
        (t) => before.has(t) || words("After").has(t) || words("Wants").has(t) || words("Requires").has(t),
      )
    )
      return;
    if (u.type === "target" || u.name.name.startsWith("initrd")) return;
    ctx.report({ messageId: "shutdown", data: { unit: u.name.name }, file: d.file, range: d.entry.range });
  },
});
