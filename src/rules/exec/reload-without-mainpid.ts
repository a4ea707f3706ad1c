import { execCommandOf } from "../../parser/exec/parse-exec.js";
import { defineRule } from "../types.js";

/** kill(1) options (util-linux and procps) that take the next word as their value. */
const WITH_VALUE = new Set(["-s", "--signal", "-n", "-q", "--queue", "--timeout"]);

/**
 * The processes a kill(1) command line signals: its words after the options
 * (`-s HUP`, `--signal USR1`, `--signal=USR1`, `-n 1`, `-HUP`, `-9`, `--`).
 * `-l`/`-L`/`--list` lists signal names and signals nothing.
 */
function killTargets(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    if (w === "--") {
      out.push(...args.slice(i + 1));
      break;
    }
    if (w === "-l" || w === "-L" || w === "--list" || w === "--table") return [];
    if (WITH_VALUE.has(w)) {
      i += w === "--timeout" ? 2 : 1;
      continue;
    }
    if (w.startsWith("-") && w.length > 1) continue;
    out.push(w);
  }
  return out;
}

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
      rationale:
        "systemd knows the main process; `kill -HUP $MAINPID` reaches exactly it. Name-based or PID-file signalling reaches the wrong process when several instances run, or none after a restart.",
      bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nExecReload=/usr/bin/pkill -HUP app\n" },
      good: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nExecReload=/bin/kill -HUP $MAINPID\n" },
      reference: "systemd.service(5) ExecReload=",
    },
  },
  checkUnit(ctx) {
    for (const a of ctx.unit.list("Service", "ExecReload")) {
      if (a.value === "") continue;
      const words = execCommandOf(a.value).words.map((w) => w.text);
      const exe = (words[0] ?? "").replace(/^.*\//, "");
      if (exe === "pkill" || exe === "killall") {
        ctx.report({ messageId: "pidof", data: { how: exe }, file: a.file, range: a.entry.range });
      } else if (exe === "kill") {
        const target = killTargets(words.slice(1)).find((w) => w !== "$MAINPID" && w !== "${MAINPID}");
        if (target) ctx.report({ messageId: "pid", data: { target }, file: a.file, range: a.entry.range });
      }
    }
  },
});
