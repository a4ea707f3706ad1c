import { execCommandOf } from "../../parser/exec/parse-exec.js";
import { valueSubRange } from "../../parser/unit/index.js";
import { parseBoolean } from "../../values/primitives.js";
import { splitWords } from "../../values/words.js";
import { defineRule } from "../types.js";

/**
 * What DynamicUser=yes forces, whatever the unit says (unit_patch_contexts()
 * in src/core/unit.c): a weaker value of these settings is silently ignored.
 */
const FORCED: { key: string; ignored: (v: string) => boolean; forced: string }[] = [
  { key: "PrivateTmp", ignored: (v) => parseBoolean(v) === false, forced: "PrivateTmp=yes" },
  { key: "RemoveIPC", ignored: (v) => parseBoolean(v) === false, forced: "RemoveIPC=yes" },
  { key: "NoNewPrivileges", ignored: (v) => parseBoolean(v) === false, forced: "NoNewPrivileges=yes" },
  { key: "RestrictSUIDSGID", ignored: (v) => parseBoolean(v) === false, forced: "RestrictSUIDSGID=yes" },
  { key: "ProtectSystem", ignored: (v) => v !== "strict", forced: "ProtectSystem=strict" },
  { key: "ProtectHome", ignored: (v) => parseBoolean(v) === false, forced: "ProtectHome=read-only" },
];

/** Folders that are read-only under ProtectSystem=strict, and the setting that makes a subfolder writable for the service. */
const WRITABLE_VIA: [string, string][] = [
  ["/var/lib/", "StateDirectory"],
  ["/var/cache/", "CacheDirectory"],
  ["/var/log/", "LogsDirectory"],
];
/**
 * Options whose value a program writes to: data and state folders, databases, logs, pid files.
 * Two linear tests instead of one `^--?[\w-]*(data|...)[\w-]*$`, which backtracks quadratically on a
 * long option word that fails at its end (`--datadata...data!`: 30 s for 128 KB).
 */
const OPTION_WORD = /^--?[\w-]+$/;
const WRITE_PART = /data|state|db|database|log|cache|pid|spool|work|storage/i;
const isWriteOption = (opt: string) => OPTION_WORD.test(opt) && WRITE_PART.test(opt);

export default defineRule({
  meta: {
    id: "identity/dynamic-user-conflicts",
    family: "identity",
    severity: "warning",
    unitTypes: ["service"],
    fixable: "none",
    messages: {
      root: "DynamicUser=yes with User={user}: an existing user of that name is used as it is, so the service runs as root with none of the isolation a dynamic user gives; drop User= or name an unprivileged one",
      forced: "{key}={value} has no effect: DynamicUser=yes forces {forced}",
      readOnly:
        "{path} is read-only for this service: DynamicUser=yes implies ProtectSystem=strict; add {setting}={dir} (systemd then creates and chowns /{base}{dir} for the dynamic user)",
    },
    docs: {
      summary:
        "Settings that contradict `DynamicUser=yes`: `User=root`, sandboxing it forces back on, and a program writing under `/var/lib`, `/var/cache` or `/var/log` without the matching `StateDirectory=`-style setting.",
      rationale:
        "With `DynamicUser=yes` systemd forces `PrivateTmp=yes`, `RemoveIPC=yes`, `NoNewPrivileges=yes`, `RestrictSUIDSGID=yes`, `ProtectSystem=strict` and at least `ProtectHome=read-only`; writing `PrivateTmp=no` or `ProtectSystem=full` next to it changes nothing and misleads the reader. `User=root` (or `0`) names a user that exists, which systemd then uses instead of allocating one: the service runs as root. " +
        "Because the file system is read-only, a data, state, database or log folder under `/var/lib`, `/var/cache` or `/var/log` passed on the command line must be declared with `StateDirectory=`, `CacheDirectory=` or `LogsDirectory=` (or `ReadWritePaths=`). Only option values that name such a folder (`--data-dir`, `--db`, `--log-file`...) are reported; a path given for reading is not. Whether a `User=` names a static user created elsewhere cannot be seen from the units, so it is not checked.",
      bad: { filename: "cache.service", text: "[Service]\nDynamicUser=yes\nPrivateTmp=no\nExecStart=/usr/bin/cached --data-dir=/var/lib/cached\n" },
      good: { filename: "cache.service", text: "[Service]\nDynamicUser=yes\nStateDirectory=cached\nExecStart=/usr/bin/cached --data-dir=/var/lib/cached\n" },
      reference: "systemd.exec(5) DynamicUser=",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    const dyn = u.last("Service", "DynamicUser");
    if (!dyn || parseBoolean(dyn.value) !== true) return;
    const related = [{ file: dyn.file, range: dyn.entry.range, message: "DynamicUser=yes is set here" }];
    const user = u.last("Service", "User");
    if (user && (user.value === "root" || user.value === "0"))
      ctx.report({ messageId: "root", data: { user: user.value }, file: user.file, range: user.entry.valueRange, related, severity: "error" });
    for (const f of FORCED) {
      const a = u.last("Service", f.key);
      if (a && a.value !== "" && f.ignored(a.value))
        ctx.report({ messageId: "forced", data: { key: f.key, value: a.value, forced: f.forced }, file: a.file, range: a.entry.range, related });
    }
    const writable = u.list("Service", "ReadWritePaths").flatMap((a) => splitWords(a.value).words.map((w) => w.text.replace(/^[-+]+/, "")));
    for (const a of u.list("Service", "ExecStart").filter((x) => x.value !== "")) {
      const words = execCommandOf(a.value).words;
      words.forEach((w, i) => {
        const eq = w.text.indexOf("=");
        const opt = eq > 0 ? w.text.slice(0, eq) : i > 0 ? words[i - 1]!.text : "";
        const path = eq > 0 ? w.text.slice(eq + 1) : w.text;
        if (!isWriteOption(opt)) return;
        const via = WRITABLE_VIA.find(([base]) => path.startsWith(base) && path.length > base.length);
        if (!via) return;
        const dir = path.slice(via[0].length).split("/")[0]!;
        const declared = u.list("Service", via[1]).some((d) => splitWords(d.value).words.some((x) => x.text.split(":")[0]!.split("/")[0] === dir));
        if (declared || writable.some((p) => path === p || path.startsWith(p.endsWith("/") ? p : p + "/"))) return;
        const from = eq > 0 ? w.from + eq + 1 : w.from;
        ctx.report({
          messageId: "readOnly",
          data: { path, setting: via[1], dir, base: via[0].slice(1) },
          file: a.file,
          range: valueSubRange(a.entry, from, w.to),
          related,
        });
      });
    }
  },
});
