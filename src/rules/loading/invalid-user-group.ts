import { TYPE_SECTION } from "../../knowledge/sections.js";
import { valueSubRange } from "../../parser/unit/index.js";
import { splitWords } from "../../values/words.js";
import { defineRule } from "../types.js";

/** A numeric ID that parse_uid() takes: 0..4294967294, but not 65535. */
function isNumericId(s: string): boolean {
  if (!/^\d+$/.test(s)) return false;
  const n = Number(s);
  return n <= 4294967294 && n !== 65535;
}

/**
 * Why systemd 252 rejects a user or group name (valid_user_group_name() with
 * numeric IDs allowed and relaxed rules), or null when it accepts it.
 */
function userGroupProblem(s: string): string | null {
  if (isNumericId(s)) return null;
  if (/^\d+$/.test(s)) return "a number that is not a valid ID";
  if (/^-\d*$/.test(s)) return "a negative number";
  if (s.startsWith(" ") || s.endsWith(" ")) return "padded with spaces";

  if (/[\u0000-\u001f\u007f]/.test(s)) return "a control character";
  if (/[:/]/.test(s)) return "':' or '/'";
  if (s === "." || s === "..") return "'.' or '..'";
  return null;
}

const SINGLE = ["User", "Group", "SocketUser", "SocketGroup"];

export default defineRule({
  meta: {
    id: "loading/invalid-user-group",
    family: "loading",
    severity: "error",
    unitTypes: ["service", "socket", "mount", "swap"],
    fixable: "none",
    messages: {
      invalid:
        "{key}={value} is not a valid user/group name or numeric ID ({why}): systemd refuses to load the unit. Use a name such as 'app' or an ID from 0 to 4294967294 (not 65535)",
    },
    docs: {
      summary: "A `User=`, `Group=`, `SupplementaryGroups=`, `SocketUser=` or `SocketGroup=` value that is not a user/group name or numeric ID.",
      rationale:
        'Unlike most settings, which systemd ignores with a warning when they do not parse, an invalid user or group is a fatal error in systemd 252: the unit is not loaded ("bad unit file setting"). Negative numbers such as `-1`, fully numeric strings out of range, names with `:` or `/`, `.` and `..` are rejected.',
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
        if (a.value === "" || a.value.includes("%")) continue;
        const names =
          key === "SupplementaryGroups"
            ? splitWords(a.value).words.map((w) => ({ text: w.text, range: valueSubRange(a.entry, w.from, w.to) }))
            : [{ text: a.value, range: a.entry.valueRange }];
        for (const n of names) {
          const why = userGroupProblem(n.text);
          if (why) ctx.report({ messageId: "invalid", data: { key, value: n.text, why }, file: a.file, range: n.range });
        }
      }
    }
  },
});
