import { parseExec } from "../../parser/exec/parse-exec.js";
import { defineRule } from "../types.js";

export default defineRule({
  meta: {
    id: "exec/reload-without-mainpid",
    family: "exec",
    severity: "warning",
    unitTypes: ["service"],
    fixable: "none",
    messages: {
      pid: "ExecReload= sends a signal with kill but not to $MAINPID: it signals '{target}' instead of the service's main process",
      pidof: "ExecReload= finds the process by name ({how}), which can hit other processes or instances; signal $MAINPID instead",
    },
    docs: {
      summary: "An `ExecReload=` that signals something other than `$MAINPID` (a hard-coded PID, `pkill`, `killall`, a PID file).",
      rationale: "systemd knows the main process; `kill -HUP $MAINPID` reaches exactly it. Name-based or PID-file signalling reaches the wrong process when several instances run, or none after a restart.",
      bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nExecReload=/usr/bin/pkill -HUP app\n" },
      good: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nExecReload=/bin/kill -HUP $MAINPID\n" },
      reference: "systemd.service(5) ExecReload=",
    },
  },
  checkUnit(ctx) {
    for (const a of ctx.unit.list("Service", "ExecReload")) {
      if (a.value === "") continue;
      const words = parseExec(a.value).words.map((w) => w.text);
      const exe = (words[0] ?? "").replace(/^.*\//, "");
      if (exe === "pkill" || exe === "killall") {
        ctx.report({ messageId: "pidof", data: { how: exe }, file: a.file, range: a.entry.range });
      } else if (exe === "kill") {
        const target = words.slice(1).find((w) => !w.startsWith("-"));
        if (target && target !== "$MAINPID" && target !== "${MAINPID}") ctx.report({ messageId: "pid", data: { target }, file: a.file, range: a.entry.range });
      }
    }
  },
});
