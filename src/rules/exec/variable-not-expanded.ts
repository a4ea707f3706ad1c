import { valueSubRange } from "../../parser/unit/index.js";
import { checkedEntries } from "../directives/entries-helper.js";
import { defineRule } from "../types.js";

/** Command lines (services' and sockets' ExecStart=, ExecStopPre=, …) expand $VAR/${VAR}; ExecSearchPath=/ExecPaths= do not. */
const COMMAND = /^Exec(Start|Stop|Reload|Condition)/;
/** Free text, not a value systemd acts on. */
const SKIP = new Set(["Description", "Documentation"]);

/**
 * `${NAME}` of any case, or `$NAME` in capitals (a lower-case `$x` inside a value is more often a password or a
 * regular expression than a variable); not `$$`.
 */
const REF = /(?<!\$)\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Z_][A-Z0-9_]*)\b)/;

/** Specifiers that give what these variables usually hold (systemd.unit(5) Specifiers). */
const SPECIFIER: Record<string, string> = { HOME: "%h", USER: "%u", LOGNAME: "%u", HOSTNAME: "%H", UID: "%U", SHELL: "%s", XDG_RUNTIME_DIR: "%t" };

export default defineRule({
  meta: {
    id: "exec/variable-not-expanded",
    family: "exec",
    severity: "warning",
    fixable: "none",
    messages: {
      environment:
        "Environment= does not expand variables: {name} gets the literal text '{value}', '{ref}' included. Only command lines (ExecStart= and the other Exec*= settings) expand $VAR and ${VAR}; write the whole value out{hint}",
      literal:
        "{key}= does not expand variables: systemd uses '{ref}' literally here. Only command lines (ExecStart= and the other Exec*= settings) expand $VAR and ${VAR}, from Environment=/EnvironmentFile=; other settings take specifiers (%i, %h, %u…) or the value written out{hint}",
    },
    docs: {
      summary:
        "A `$VAR` or `${VAR}` in a setting that is not a command line (`Environment=`, `User=`, `WorkingDirectory=`, paths…), where systemd does not expand variables.",
      rationale:
        "systemd expands environment variables only in command lines (`ExecStart=`, `ExecStartPre=`, … `ExecStop=`), and only the variables the unit itself sets with `Environment=`/`EnvironmentFile=`. Everywhere else the text is used as written: " +
        "`Environment=PATH=$PATH:/opt/bin` sets PATH to the literal `$PATH:/opt/bin` (and every later command then finds nothing), `User=${APP_USER}` asks for a user named `${APP_USER}`, `WorkingDirectory=$HOME/app` is a folder named `$HOME`. " +
        "Settings other than commands expand specifiers instead (`%h` home, `%u` user, `%i` instance, `%H` host name). Capitalised `$NAME` and braced `${name}` are reported; `$$` and lower-case `$x` (passwords, patterns) are not.",
      bad: { filename: "app.service", text: "[Service]\nUser=${APP_USER}\nEnvironment=PATH=$PATH:/opt/app/bin\nExecStart=/opt/app/bin/app\n" },
      good: {
        filename: "app.service",
        text: "[Service]\nUser=app\nEnvironment=PATH=/usr/local/bin:/usr/bin:/bin:/opt/app/bin\nExecStart=/opt/app/bin/app --user ${APP_USER}\n",
      },
      reference: "systemd.service(5) Command lines; systemd.exec(5) Environment=; systemd.unit(5) Specifiers",
    },
  },
  checkFile(ctx) {
    for (const { entry } of checkedEntries(ctx.file)) {
      if (SKIP.has(entry.key) || COMMAND.test(entry.key) || !entry.value.includes("$")) continue;
      const m = REF.exec(entry.value);
      if (!m) continue;
      const name = m[1] ?? m[2]!;
      const ref = m[0];
      const spec = SPECIFIER[name];
      const hint = spec ? ` (${spec} gives what ${ref} usually holds)` : "";
      const range = valueSubRange(entry, m.index, m.index + ref.length);
      if (entry.key === "Environment") {
        // the assignment the reference sits in: Environment=A=1 PATH=$PATH:/x
        const before = entry.value.slice(0, m.index);
        const start = Math.max(before.lastIndexOf(" "), before.lastIndexOf("\t")) + 1;
        const rest = entry.value.slice(start);
        const word = rest.split(/[ \t]/)[0]!.replace(/^["']|["']$/g, "");
        const eq = word.indexOf("=");
        ctx.report({
          messageId: "environment",
          data: { name: eq > 0 ? word.slice(0, eq) : word, value: eq > 0 ? word.slice(eq + 1) : word, ref, hint },
          file: ctx.file,
          range,
        });
      } else {
        ctx.report({ messageId: "literal", data: { key: entry.key, ref, hint }, file: ctx.file, range });
      }
    }
  },
});
