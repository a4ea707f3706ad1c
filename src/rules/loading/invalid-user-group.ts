import { TYPE_SECTION } from "../../knowledge/sections.js";
import { valueSubRange } from "../../parser/unit/index.js";
import { hasNoInstance } from "../../model/unit-file.js";
import { EMPTY_INSTANCE, expandKnownSpecifiers } from "../../values/scan.js";
import { userGroupVerdict } from "../../values/user-group.js";
import { splitWords } from "../../values/words.js";
import { defineRule } from "../types.js";

const SINGLE = ["User", "Group", "SocketUser", "SocketGroup"];

export default defineRule({
  meta: {
    id: "loading/invalid-user-group",
    family: "loading",
    severity: "error",
    unitTypes: ["service", "socket", "mount", "swap"],
    fixable: "none",
    messages: {
      nobody:
        "{key}=nobody: systemd warns that the special user nobody is not safe (every service that runs as nobody can reach the files and processes of the others). Use DynamicUser=yes or a user of the service's own",
      relaxed:
        "{key}={value} does not follow the strict user/group name rules (a letter or '_' first, then letters, digits, '_' and '-', at most 31 characters): systemd 252 accepts it with a notice, but tools such as useradd may not create such a user",
      invalid:
        "{key}={value} is not a valid user/group name or numeric ID ({why}): systemd refuses to load the unit. Use a name such as 'app' or an ID from 0 to 4294967294 (not 65535)",
    },
    docs: {
      summary: "A `User=`, `Group=`, `SupplementaryGroups=`, `SocketUser=` or `SocketGroup=` value that is not a user/group name or numeric ID.",
      rationale:
        'Unlike most settings, which systemd ignores with a warning when they do not parse, an invalid user or group is a fatal error in systemd 252: the unit is not loaded ("bad unit file setting"). Negative numbers such as `-1`, fully numeric strings out of range, names with `:` or `/`, `.` and `..` are rejected. A name systemd takes only under its relaxed rules (`User=foo bar`, `Group=app.users`) is a warning: systemd logs a notice and uses it; so is `User=nobody`, which systemd calls not safe.',
      bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nUser=app\nGroup=-1\n" },
      good: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nUser=app\nGroup=app\n" },
      reference: "systemd.exec(5) User=",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    const section = u.type ? TYPE_SECTION[u.type] : null;
    if (!section) return;
    for (const key of [...SINGLE, "SupplementaryGroups"]) {
      if (key.startsWith("Socket") && u.type !== "socket") continue;
      for (const a of u.all(section, key)) {
        if (a.value === "") continue;
        const names =
          key === "SupplementaryGroups"
            ? splitWords(a.value).words.map((w) => ({ text: w.text, range: valueSubRange(a.entry, w.from, w.to) }))
            : [{ text: a.value, range: a.entry.valueRange }];
        for (const n of names) {
          // systemd expands specifiers first; judged only where the expansion is certain (%i is empty outside templates)
          const text = n.text.includes("%") ? expandedName(n.text, hasNoInstance(a.file)) : n.text;
          if (text === undefined) continue;
          const verdict = userGroupVerdict(text);
          if (verdict && "refused" in verdict) {
            const why = text === n.text ? verdict.refused : `${verdict.refused} once systemd expands '${n.text}'`;
            ctx.report({ messageId: "invalid", data: { key, value: n.text, why }, file: a.file, range: n.range });
          } else if (verdict) ctx.report({ messageId: "relaxed", data: { key, value: n.text }, file: a.file, range: n.range, severity: "warning" });
          // config_parse_user_group_compat() logs it for User= and SocketUser= (NOBODY_USER_NAME)
          else if (text === "nobody" && key.endsWith("User"))
            ctx.report({ messageId: "nobody", data: { key }, file: a.file, range: n.range, severity: "warning" });
        }
      }
    }
  },
});

/** The name after the specifier expansion that can be known: `%%`, and `%i`/`%I` outside templates; undefined otherwise. */
function expandedName(text: string, noInstance: boolean): string | undefined {
  const e = expandKnownSpecifiers(text, noInstance ? EMPTY_INSTANCE : {});
  const out = e?.text ?? text;
  if (/%[^%]/.test(out.replaceAll("%%", ""))) return undefined;
  return out.replaceAll("%%", "%");
}
