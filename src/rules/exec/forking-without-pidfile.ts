import { parseBoolean } from "../../values/primitives.js";
import { defineRule } from "../types.js";

export default defineRule({
  meta: {
    id: "exec/forking-without-pidfile",
    family: "exec",
    severity: "info",
    unitTypes: ["service"],
    fixable: "none",
    messages: {
      guess:
        "Type=forking without PIDFile=: systemd guesses which process is the main one, and can guess wrong when the daemon leaves several. Set PIDFile= to the file the daemon writes, or run it in the foreground with Type=simple, exec or notify",
      none: "Type=forking without PIDFile= and with GuessMainPID=no: systemd has no main process, so $MAINPID is empty and when the daemon dies systemd only sees its cgroup empty, as after a clean stop (Restart={restart} never fires). Set PIDFile=, or run the daemon in the foreground with Type=simple, exec or notify",
    },
    docs: {
      summary: "A `Type=forking` service without `PIDFile=`.",
      rationale:
        "After the start command exits, systemd needs the daemon's main process to restart it, report its exit status and fill `$MAINPID` for `ExecReload=`. Without `PIDFile=` it guesses from the processes left in the cgroup (`GuessMainPID=yes`) and picks none when there are several; with `GuessMainPID=no` it does not try, so a dying daemon looks like a clean stop (a warning when `Restart=on-failure` or similar is set, which then never fires; not reported together with `RemainAfterExit=yes`, which says there is no main process to follow, as for rc.local scripts). Most daemons also have a foreground flag (`-f`, `--nodaemon`, `-D`), which makes `Type=simple`/`exec`/`notify` the simpler and more reliable choice.",
      bad: { filename: "legacyd.service", text: "[Service]\nType=forking\nExecStart=/usr/sbin/legacyd\n" },
      good: { filename: "legacyd.service", text: "[Service]\nType=forking\nPIDFile=/run/legacyd.pid\nExecStart=/usr/sbin/legacyd\n" },
      reference: "systemd.service(5) Type=, PIDFile=, GuessMainPID=",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    const type = u.last("Service", "Type");
    if (!type || type.value !== "forking" || u.get("Service", "PIDFile") !== undefined) return;
    const guess = u.get("Service", "GuessMainPID");
    const noGuess = guess !== undefined && parseBoolean(guess) === false;
    // GuessMainPID=no with RemainAfterExit=yes says there is no main process to track on purpose (rc-local.service, SysV wrappers).
    if (noGuess && parseBoolean(u.get("Service", "RemainAfterExit") ?? "no") === true) return;
    // Without a main process a dying daemon looks like a clean stop: Restart= on failures can never fire, which is more than a note.
    const restart = u.get("Service", "Restart") ?? "no";
    const broken = noGuess && !["no", "always", "on-success"].includes(restart);
    ctx.report({
      messageId: noGuess ? "none" : "guess",
      ...(noGuess ? { data: { restart } } : {}),
      file: type.file,
      range: type.entry.range,
      ...(broken ? { severity: "warning" as const } : {}),
    });
  },
});
