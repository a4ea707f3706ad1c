import { execCommandOf } from "../../parser/exec/parse-exec.js";
import { valueSubRange } from "../../parser/unit/index.js";
import { parseSignal } from "../../values/primitives.js";
import { splitWords } from "../../values/words.js";
import { defineRule } from "../types.js";

/** Programs that are a JVM: they catch the stop signal, run shutdown hooks and exit with 128 + signal. */
const JVM = /^(java|jruby)$/;
/** Signals the JVM turns into an orderly shutdown (HUP, INT, TERM); others kill it or are ignored. */
const SHUTDOWN_SIGNALS = new Set([1, 2, 15]);
const TERM = 15;

const basename = (p: string) => p.slice(p.lastIndexOf("/") + 1);

export default defineRule({
  meta: {
    id: "kill/jvm-stop-exit-code",
    family: "kill",
    severity: "info",
    unitTypes: ["service"],
    fixable: "none",
    messages: {
      status:
        "{program} exits with status {status} (128 + {signal}) after a clean stop, and systemd counts that as a failure: every `systemctl stop` leaves the unit failed; add SuccessExitStatus={status}",
    },
    docs: {
      summary: "A Java (JVM) service without `SuccessExitStatus=143`: each stop is logged as a failure.",
      rationale:
        "The JVM handles SIGTERM by running its shutdown hooks and then exits with status 143 (128 + 15) instead of dying by the signal. systemd only treats death *by* SIGTERM as clean, so after every `systemctl stop` the unit ends up `failed (Result: exit-code)`, which trips monitoring and `OnFailure=`. `SuccessExitStatus=143` (the status number; `SIGTERM` there means death by the signal, which is already clean) tells systemd the stop was orderly. " +
        "Only units whose main command is `java` or `jruby` are reported (also through `/usr/bin/env`); a JVM started with `-Xrs` does not handle the signal, and units with an `ExecStop=` may stop the program another way, so both are skipped. Ruby (MRI) programs such as Puma or Sidekiq re-raise SIGTERM and die by it, so they need nothing.",
      bad: { filename: "shop.service", text: "[Service]\nExecStart=/usr/bin/java -jar /opt/shop/shop.jar\n" },
      good: { filename: "shop.service", text: "[Service]\nExecStart=/usr/bin/java -jar /opt/shop/shop.jar\nSuccessExitStatus=143\n" },
      reference: "systemd.service(5) SuccessExitStatus=",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    if (u.get("Service", "Type") === "oneshot" || u.get("Service", "ExecStop") !== undefined) return;
    const start = u.list("Service", "ExecStart").find((a) => a.value !== "");
    if (!start) return;
    const cmd = execCommandOf(start.value);
    let i = 0;
    if (cmd.words[0] && basename(cmd.words[0].text) === "env") {
      i = 1;
      while (cmd.words[i] && (cmd.words[i]!.text.startsWith("-") || cmd.words[i]!.text.includes("="))) i++;
    }
    const prog = cmd.words[i];
    if (!prog || !JVM.test(basename(prog.text))) return;
    if (cmd.words.slice(i + 1).some((w) => w.text === "-Xrs" || w.text === "-J-Xrs")) return;
    const ks = u.get("Service", "KillSignal");
    const signal = ks === undefined ? TERM : parseSignal(ks);
    if (signal === undefined || !SHUTDOWN_SIGNALS.has(signal)) return;
    const status = 128 + signal;
    // A later empty SuccessExitStatus= resets the list; numbers are what the JVM returns.
    const listed = u.list("Service", "SuccessExitStatus").some((a) => splitWords(a.value).words.some((w) => w.text === String(status)));
    if (listed) return;
    const name = Object.entries({ HUP: 1, INT: 2, TERM: 15 }).find(([, n]) => n === signal)![0];
    ctx.report({
      messageId: "status",
      data: { program: basename(prog.text), status, signal: `SIG${name}` },
      file: start.file,
      range: valueSubRange(start.entry, prog.from, prog.to),
    });
  },
});
