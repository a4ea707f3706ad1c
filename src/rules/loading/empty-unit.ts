import { defineRule } from "../types.js";

export default defineRule({
  meta: {
    id: "loading/empty-unit",
    family: "loading",
    severity: "error",
    fixable: "none",
    messages: {
      empty:
        "the unit file is empty: systemd treats an empty unit file as masked and will not load or start it. Write the unit's settings, or mask it on purpose with a link to /dev/null",
    },
    docs: {
      summary: "A unit file of zero bytes.",
      rationale:
        'systemd takes an empty unit file (like a link to /dev/null) as a masked unit: it is never loaded, and starting it fails with "Unit is masked". An empty file is usually a failed copy or an editor accident.',
      bad: { filename: "app.service", text: "" },
      good: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\n" },
      reference: "systemctl(1) mask",
    },
  },
  checkFile(ctx) {
    const f = ctx.file;
    if (f.kind !== "unit" || f.source.text.length > 0) return;
    ctx.report({ messageId: "empty", file: f, range: { start: 0, end: 0 } });
  },
});
