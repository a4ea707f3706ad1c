import { TYPE_SECTION } from "../../knowledge/sections.js";
import { parseBoolean, parseSignal } from "../../values/primitives.js";
import { defineRule } from "../types.js";

const SIGKILL = 9;

export default defineRule({
  meta: {
    id: "kill/unsafe-stop-signals",
    family: "kill",
    severity: "warning",
    unitTypes: ["service", "socket", "mount", "swap", "scope"],
    fixable: "none",
    messages: {
      sigkill:
        "{key}={value} kills the processes outright: they get no chance to finish requests or flush data; send SIGTERM (the default) and let TimeoutStopSec= bound the wait",
      mixedNoKill:
        "KillMode=mixed with SendSIGKILL=no: mixed sends SIGTERM to the main process only and leaves the other processes to the final SIGKILL, which SendSIGKILL=no switches off, so they keep running after the service stops",
    },
    docs: {
      summary: "Stop signals that make a clean stop impossible: `KillSignal=SIGKILL`, or `KillMode=mixed` with `SendSIGKILL=no`.",
      rationale:
        "`KillSignal=SIGKILL` (or `9`) skips the graceful phase: the program is killed mid-request and cannot flush or remove its state; SIGTERM with a suitable `TimeoutStopSec=` still ends in SIGKILL when the program hangs. " +
        "With `KillMode=mixed` only the main process receives `KillSignal=`; the remaining processes of the cgroup are signalled only by the final SIGKILL. `SendSIGKILL=no` turns that off, so workers survive `systemctl stop` exactly as with `KillMode=process`. " +
        "A `KillSignal=` other than SIGTERM with `KillMode=mixed` (SIGQUIT for nginx, SIGINT for Python) is fine and not reported: the main process knows how to stop its children.",
      bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nKillSignal=SIGKILL\n" },
      good: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nKillSignal=SIGTERM\nTimeoutStopSec=30s\n" },
      reference: "systemd.kill(5) KillMode=, KillSignal=, SendSIGKILL=",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    const section = u.type ? TYPE_SECTION[u.type] : null;
    if (!section) return;
    for (const key of ["KillSignal", "RestartKillSignal"]) {
      const a = u.last(section, key);
      if (a && a.value !== "" && parseSignal(a.value) === SIGKILL)
        ctx.report({ messageId: "sigkill", data: { key, value: a.value }, file: a.file, range: a.entry.valueRange });
    }
    const mode = u.last(section, "KillMode");
    const send = u.last(section, "SendSIGKILL");
    if (mode?.value === "mixed" && send && parseBoolean(send.value) === false)
      ctx.report({
        messageId: "mixedNoKill",
        file: send.file,
        range: send.entry.range,
        related: [{ file: mode.file, range: mode.entry.range, message: "KillMode=mixed is set here" }],
      });
  },
});
