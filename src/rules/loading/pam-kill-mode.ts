import { TYPE_SECTION } from "../../knowledge/sections.js";
import { defineRule } from "../types.js";
import { lastAccepted } from "./loading-helper.js";

const KILL_MODES = ["control-group", "process", "mixed", "none"];

export default defineRule({
  meta: {
    id: "loading/pam-kill-mode",
    family: "loading",
    severity: "error",
    unitTypes: ["service", "socket", "mount", "swap"],
    fixable: "none",
    messages: { refused: "PAMName= with KillMode={mode}: systemd refuses to load the unit. Use KillMode={allowed}" },
    docs: {
      summary: "`PAMName=` together with a `KillMode=` that would leave the PAM session's processes behind.",
      rationale:
        "systemd 252 refuses to load a unit with a PAM session unless the whole control group is killed on stop: a service needs `KillMode=control-group` or `mixed`, a socket, mount or swap unit `control-group`.",
      bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nPAMName=login\nKillMode=process\n" },
      good: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nPAMName=login\n" },
      reference: "systemd.exec(5) PAMName=",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    const section = u.type ? TYPE_SECTION[u.type] : null;
    if (!section || !u.get(section, "PAMName")) return;
    const mode = lastAccepted(u, section, "KillMode", (v) => KILL_MODES.includes(v));
    if (!mode) return;
    const allowed = u.type === "service" ? ["control-group", "mixed"] : ["control-group"];
    if (allowed.includes(mode.value)) return;
    ctx.report({ messageId: "refused", data: { mode: mode.value, allowed: allowed.join(" or ") }, file: mode.file, range: mode.entry.range });
  },
});
