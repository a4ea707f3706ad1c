import { hasNoInstance } from "../../model/unit-file.js";
import { EXEC_KEYS, execCommandsOf, type ExecCommandSpan } from "../../parser/exec/parse-exec.js";
import { EMPTY_INSTANCE, expandKnownSpecifiers } from "../../values/scan.js";
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
      for (const a of u.all(section, key)) {
        // systemd expands specifiers over the whole line before it splits it: %i and %I are empty outside templates
        const expanded = hasNoInstance(a.file) ? expandKnownSpecifiers(a.value, EMPTY_INSTANCE)?.text : undefined;
        const text = expanded ?? a.value;
        if (expanded !== undefined && expanded.trim() === "") {
          const why = "the line is empty once systemd expands '%i' to an empty string (the unit is not a template)";
          ctx.report({ messageId: "invalid", data: { key, why }, file: a.file, range: a.entry.valueRange });
          continue;
        }
        for (const cmd of execCommandsOf(text)) {
          const why = commandProblem(text, cmd, effective.has(a));
          if (!why) continue;
          // offsets in an expanded line are not the file's: underline the whole value then
          const range = expanded !== undefined ? a.entry.valueRange : valueSubRange(a.entry, why.from, why.to);
          const reason = expanded !== undefined ? `${why.why} once systemd expands '%i' to an empty string (the unit is not a template)` : why.why;
          ctx.report({ messageId: "invalid", data: { key, why: reason }, file: a.file, range });
        }
      }
    }
  },
});

/** Why systemd refuses one command of a line (and where), or null. */
function commandProblem(value: string, cmd: ExecCommandSpan, effective: boolean): { why: string; from: number; to: number } | null {
  if (cmd.prefixes.includes("-")) return null;
  const exe = cmd.words[0];
  // an unclosed quote in the first word makes systemd drop the line with a warning
  if (!exe && cmd.unterminatedQuote !== undefined) return null;
  if (exe?.text.includes("%")) return null;
  let why = programProblem(value, exe);
  // a relative path such as ./run.sh: exec/relative-executable reports it (one error per mistake)
  if (why && exe && !exe.text.startsWith("/") && exe.text.includes("/") && cmd.from === 0 && effective) why = null;
  const at = exe ? { from: exe.from, to: exe.to } : { from: 0, to: value.length };
  if (why) return { why, ...at };
  if (cmd.prefixes.includes("@") && cmd.words.length < 2) return { why: "'@' needs argv[0] after the program", ...at };
  if (cmd.unterminatedQuote !== undefined) return { why: "a quote is never closed", from: cmd.unterminatedQuote, to: cmd.to };
  return null;
}
