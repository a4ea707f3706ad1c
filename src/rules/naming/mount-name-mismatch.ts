import { escapePath } from "../../model/unit-name.js";
import { defineRule } from "../types.js";

export default defineRule({
  meta: {
    id: "naming/mount-name-mismatch",
    family: "naming",
    severity: "error",
    unitTypes: ["mount", "automount"],
    fixable: "none",
    messages: {
      mismatch: "a {type} unit for Where={where} must be named '{expected}.{type}' (systemd-escape --path), not '{actual}'",
    },
    docs: {
      summary: "A mount or automount unit whose file name is not the escaped `Where=` path.",
      rationale:
        "systemd requires `Where=/srv/data` to live in `srv-data.mount`; with any other name it refuses to start the unit (\"Where= setting doesn't match unit name\").",
      bad: { filename: "data.mount", text: "[Mount]\nWhat=/dev/sdb1\nWhere=/srv/data\n" },
      good: { filename: "srv-data.mount", text: "[Mount]\nWhat=/dev/sdb1\nWhere=/srv/data\n" },
      reference: "systemd.mount(5)",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    if (!u.main || u.name.isTemplate || !u.type) return;
    const section = u.type === "mount" ? "Mount" : "Automount";
    const where = u.last(section, "Where");
    if (!where || where.value === "" || !where.value.startsWith("/")) return;
    const expected = escapePath(where.value);
    if (expected !== u.name.stem) {
      ctx.report({
        messageId: "mismatch",
        data: { type: u.type, where: where.value, expected, actual: u.name.name },
        file: where.file,
        range: where.entry.valueRange,
      });
    }
  },
});
