import { EXEC_KEYS, splitExecCommands } from "../../parser/exec/parse-exec.js";
import { valueSubRange } from "../../parser/unit/index.js";
import { defineRule } from "../types.js";
import { programProblem } from "../../values/exec-line.js";

const SOCKET_EXEC_KEYS = ["ExecStartPre", "ExecStartPost", "ExecStopPre", "ExecStopPost"];

export default defineRule({
  meta: {
    id: "loading/invalid-command",
    family: "loading",
    severity: "error",
    unitTypes: ["service", "socket"],
    fixable: "none",
    messages: {
      invalid:
        "{key}= command cannot be parsed: {why}. systemd refuses to load the unit; write an absolute path (/usr/bin/app) or a plain program name, or prefix the command with '-' to have systemd skip it",
    },
    docs: {
      summary:
        "A command line that systemd cannot parse: no program, a relative path such as `./run.sh`, a path ending in `/`, quotes inside the program name, an unclosed quote, or `@` without argv[0].",
      rationale:
        "systemd 252 treats a command it cannot parse as a fatal error and does not load the unit — unless the command has the `-` prefix, in which case that one command is dropped with a warning.",
      bad: { filename: "app.service", text: '[Service]\nExecStart=/usr/bin/app\nExecReload=/bin/kill -HUP "$MAINPID\n' },
      good: { filename: "app.service", text: '[Service]\nExecStart=/usr/bin/app\nExecReload=/bin/kill -HUP "$MAINPID"\n' },
      reference: "systemd.service(5) Command lines",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    const section = u.type === "service" ? "Service" : u.type === "socket" ? "Socket" : null;
    if (!section) return;
    const keys = section === "Service" ? EXEC_KEYS : SOCKET_EXEC_KEYS;
    for (const key of keys) {
      const effective = new Set(u.list(section, key));
      for (const { a, cmd } of u.all(section, key).flatMap((a) => splitExecCommands(a.value).map((cmd) => ({ a, cmd })))) {
        if (cmd.prefixes.includes("-")) continue;
        const exe = cmd.words[0];
        // an unclosed quote in the first word makes systemd drop the line with a warning
        if (!exe && cmd.unterminatedQuote !== undefined) continue;
        if (exe?.text.includes("%")) continue;
        let why = programProblem(a.value, exe);
        // a relative path such as ./run.sh: exec/relative-executable reports it (one error per mistake)
        if (why && exe && !exe.text.startsWith("/") && exe.text.includes("/") && cmd.from === 0 && effective.has(a)) why = null;
        let range = exe ? valueSubRange(a.entry, exe.from, exe.to) : a.entry.valueRange;
        if (!why && cmd.prefixes.includes("@") && cmd.words.length < 2) why = "'@' needs argv[0] after the program";
        if (!why && cmd.unterminatedQuote !== undefined) {
          why = "a quote is never closed";
          range = valueSubRange(a.entry, cmd.unterminatedQuote, cmd.to);
        }
        if (why) ctx.report({ messageId: "invalid", data: { key, why }, file: a.file, range });
      }
    }
  },
});
