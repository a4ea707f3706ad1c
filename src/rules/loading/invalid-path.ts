import { FATAL_PATH_SETTINGS } from "../../knowledge/parser-traits.js";
import { TYPE_SECTION } from "../../knowledge/sections.js";
import { hasNoInstance } from "../../model/unit-file.js";
import { EMPTY_INSTANCE, expandForCheck, expandKnownSpecifiers } from "../../values/scan.js";
import { defineRule } from "../types.js";

/** Path settings whose bad value is fatal in systemd 252 (PATH_CHECK_FATAL). */
const FATAL_PATHS = FATAL_PATH_SETTINGS;

/** Why path_simplify_and_warn() with PATH_CHECK_ABSOLUTE fails on `p`, or null. */
function absolutePathProblem(p: string): string | null {
  if (!p.startsWith("/")) return "it is not absolute";
  if (p.split("/").includes("..")) return "it has a '..' component";
  if (p.length >= 4096 || p.split("/").some((c) => new TextEncoder().encode(c).length > 255)) return "it is too long";
  return null;
}

export default defineRule({
  meta: {
    id: "loading/invalid-path",
    family: "loading",
    severity: "error",
    unitTypes: ["service", "socket", "mount", "swap"],
    fixable: "none",
    messages: { invalid: "{key}={value}: {why}, and systemd refuses to load the unit over it. Write an absolute path such as /srv/app{hint}" },
    docs: {
      summary: "A relative or non-normalized `WorkingDirectory=`, `RootDirectory=`, `RootImage=` or `RootVerity=`.",
      rationale:
        'Most paths that do not parse are ignored with a warning, but for these four systemd 252 stops loading the unit ("Unit configuration has fatal error, unit will not be started"). A `WorkingDirectory=` prefixed with `-` is the exception: its errors are ignored.',
      bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nWorkingDirectory=srv/app\n" },
      good: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nWorkingDirectory=/srv/app\n" },
      reference: "systemd.exec(5) WorkingDirectory=",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    const section = u.type ? TYPE_SECTION[u.type] : null;
    if (!section) return;
    for (const key of FATAL_PATHS) {
      for (const a of u.all(section, key)) {
        const v = a.value;
        if (v === "") continue;
        if (key === "WorkingDirectory" && (v.startsWith("-") || v === "~")) continue;
        // judged after the specifier expansion that can be known (%%, a stray %, %n, the path specifiers, and %i and
        // %I, empty outside templates)
        const expanded = expandForCheck(hasNoInstance(a.file) ? (expandKnownSpecifiers(v, EMPTY_INSTANCE)?.text ?? v) : v);
        // an empty expansion resets these settings; WorkingDirectory= alone refuses it
        if (expanded === null || (expanded === "" && key !== "WorkingDirectory")) continue;
        const why = absolutePathProblem(expanded);
        if (why)
          ctx.report({
            messageId: "invalid",
            data: { key, value: v, why, hint: key === "WorkingDirectory" ? " (or '~' for the user's home)" : "" },
            file: a.file,
            range: a.entry.valueRange,
          });
      }
    }
  },
});
