import { escapePath } from "../../model/unit-name.js";
import { defineRule } from "../types.js";

export default defineRule({
  meta: {
    id: "naming/mount-name-mismatch",
    family: "naming",
    severity: "error",
    unitTypes: ["mount", "automount", "swap"],
    fixable: "none",
    messages: {
      mismatch:
        "a {type} unit for {key}={where} must be named '{expected}.{type}' (systemd-escape --path): systemd refuses to load '{actual}'. Rename the file or fix {key}=",
    },
    docs: {
      summary: "A mount or automount unit whose file name is not the escaped `Where=` path, or a swap unit whose name is not the escaped `What=` path.",
      rationale:
        'systemd requires `Where=/srv/data` to live in `srv-data.mount`; with any other name it refuses to load the unit ("Where= setting doesn\'t match unit name"). A swap unit is named after its `What=` device or file the same way (`/swapfile` → `swapfile.swap`).',
      bad: { filename: "data.mount", text: "[Mount]\nWhat=/dev/sdb1\nWhere=/srv/data\n" },
      good: { filename: "srv-data.mount", text: "[Mount]\nWhat=/dev/sdb1\nWhere=/srv/data\n" },
      reference: "systemd.mount(5)",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    if (!u.main || u.name.isTemplate || !u.type) return;
    const section = u.type === "mount" ? "Mount" : u.type === "swap" ? "Swap" : "Automount";
    const key = u.type === "swap" ? "What" : "Where";
    const where = u.last(section, key);
    if (!where || where.value === "" || !where.value.startsWith("/") || where.value.includes("%")) return;
    const expected = escapePath(where.value);
    if (expected !== u.name.stem) {
      ctx.report({
        messageId: "mismatch",
        data: { type: u.type, key, where: where.value, expected, actual: u.name.name },
        file: where.file,
        range: where.entry.valueRange,
      });
    }
  },
});
