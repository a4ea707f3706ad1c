import { execCommandOf } from "../../parser/exec/parse-exec.js";
import { commandLines } from "./exec-helper.js";
import { valueSubRange } from "../../parser/unit/index.js";
import { defineRule } from "../types.js";

/** Shell constructs that systemd passes to the program as plain arguments. */
const SHELL_WORD: [RegExp, string][] = [
  [/^(\|\||&&|\|)$/, "a shell operator"],
  [/^(\d?>>?|<|&>|2>&1|>&2|1>&2)$/, "a redirection"],
  [/^\d?>>?\S|^<\S/, "a redirection"],
  [/\$\(|`/, "command substitution"],
  [/^~(\/|$)/, "a '~' that only a shell expands"],
];
/**
 * `*`, `?` or a `[...]` class with something in it (what /[*?]|\[[^\]]+\]/ matched), in one pass:
 * the regex scanned to the end of the word from every `[` (a word of 20,000 `[`: 1.8 s).
 */
const GLOB = {
  test(s: string): boolean {
    let open = -1; // the first `[` since the last `]`
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      if (c === "*" || c === "?") return true;
      if (c === "[" && open < 0) open = i;
      else if (c === "]") {
        if (open >= 0 && i > open + 1) return true;
        open = -1;
      }
    }
    return false;
  },
};
/** Options whose value is a pattern for the program itself (find, rsync, grep...). */
const PATTERN_OPTION = /^(-i?name|-i?path|-i?wholename|-i?regex|--include|--exclude|--glob|--pattern|-e|--regexp)$/;

export default defineRule({
  meta: {
    id: "exec/shell-syntax",
    family: "exec",
    severity: "error",
    unitTypes: ["service", "socket", "mount", "swap"],
    fixable: "unsafe",
    messages: {
      shell:
        "{key}= contains {what} ('{word}'), but systemd runs the program directly, without a shell: it receives '{word}' as an argument. Wrap the command in /bin/sh -c '...' or move it into a script",
      glob: "{key}= contains a glob ('{word}'), but no shell expands it: the program receives the pattern itself",
      background:
        "{key}= ends with '&', but there is no shell to put the program in the background: it receives '&' as its last argument. systemd already runs the service in the background; remove the '&' (and use Type=simple or Type=exec for a program that stays in the foreground)",
    },
    docs: {
      summary: "Shell syntax in a command line — pipes, `&&`, a trailing `&`, redirections, `$(...)`, backticks, globs, `~` — that systemd does not interpret.",
      rationale:
        "systemd splits ExecStart= into words itself and executes the program; there is no shell. `cmd | logger` runs `cmd` with the arguments `|` and `logger`, `cd /app && ./run` fails outright, and `app --serve &` backgrounds nothing (the program gets `&` as an argument; systemd runs services in the background anyway). Use `/bin/sh -c '...'` (or a script) when a shell is needed.",
      bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app --serve 2>&1 | logger -t app\n" },
      good: { filename: "app.service", text: "[Service]\nExecStart=/bin/sh -c '/usr/bin/app --serve 2>&1 | logger -t app'\n" },
      fix: "Removes a trailing `&`; otherwise wraps the whole command in `/bin/sh -c '...'` (both unsafe: the command's meaning changes from broken to what the author wrote, and quoting inside may need review).",
      reference: "systemd.service(5) Command lines",
    },
  },
  checkUnit(ctx) {
    {
      for (const { key, a } of commandLines(ctx.unit)) {
        const cmd = execCommandOf(a.value);
        const exe = cmd.words[0]?.text ?? "";
        // Already run by a shell (or by env-style wrappers): nothing to report.
        if (/(^|\/)(ba|da|z|k)?sh$/.test(exe) && cmd.words[1]?.text === "-c") continue;
        let reported = false;
        // `app --serve &` (or `app --serve&`): a shell's background operator, an argument here
        const last = cmd.words[cmd.words.length - 1];
        if (last && !last.quoted && /^[^&]*[^&>]&$|^&$/.test(last.text)) {
          const amp = last.to - 1;
          let start = amp;
          while (start > 0 && /\s/.test(a.value[start - 1]!)) start--;
          if (last.text !== "&") start = amp;
          ctx.report({
            messageId: "background",
            data: { key },
            file: a.file,
            range: valueSubRange(a.entry, amp, amp + 1),
            fix: { description: "Remove the '&'", safe: false, edits: [{ ...valueSubRange(a.entry, start, amp + 1), text: "" }] },
          });
          continue;
        }
        for (const [i, w] of cmd.words.entries()) {
          if (i === 0 || w.quoted) continue;
          const hit = SHELL_WORD.find(([re]) => re.test(w.text));
          // a pattern given to an option (find -name *.gz, rsync --exclude *.tmp) is meant for the program
          const optionValue = PATTERN_OPTION.test(cmd.words[i - 1]!.text);
          const isGlob = !hit && !optionValue && GLOB.test(w.text) && !w.text.includes("%");
          if (!hit && !isGlob) continue;
          const body = a.value.slice(cmd.prefixEnd);
          const fix =
            reported || body.includes("'")
              ? undefined
              : {
                  description: "Run it with /bin/sh -c",
                  safe: false,
                  edits: [{ start: valueSubRange(a.entry, cmd.prefixEnd, cmd.prefixEnd).start, end: a.entry.valueRange.end, text: `/bin/sh -c '${body}'` }],
                };
          ctx.report({
            messageId: hit ? "shell" : "glob",
            data: { key, what: hit?.[1] ?? "a glob", word: w.text },
            file: a.file,
            range: valueSubRange(a.entry, w.from, w.to),
            ...(fix ? { fix } : {}),
          });
          reported = true;
          break;
        }
      }
    }
  },
});
