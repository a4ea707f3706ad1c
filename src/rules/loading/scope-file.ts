import { defineRule } from "../types.js";

export default defineRule({
  meta: {
    id: "loading/scope-file",
    family: "loading",
    severity: "error",
    unitTypes: ["scope"],
    fixable: "none",
    messages: {
      file: "a scope cannot come from a unit file: systemd only creates scopes at run time (systemd-run --scope, or a program over D-Bus) and never loads this file. Use a .service unit, or a drop-in (NAME.scope.d/*.conf) to configure a scope that is created elsewhere",
    },
    docs: {
      summary: "A `.scope` unit file.",
      rationale:
        'Scope units group processes that something else started; systemd creates them when asked over D-Bus (for example by `systemd-run --scope` or logind) and refuses to load one from a file ("Unit not found"). Only drop-ins can configure a scope.',
      bad: { filename: "backup.scope", text: "[Scope]\nCPUWeight=20\n" },
      good: { filename: "backup.service", text: "[Service]\nExecStart=/usr/local/bin/backup\nCPUWeight=20\n" },
      reference: "systemd.scope(5)",
    },
  },
  checkFile(ctx) {
    const f = ctx.file;
    if (f.kind !== "unit" || f.name.type !== "scope" || f.source.text === "") return;
    ctx.report({ messageId: "file", file: f, range: { start: 0, end: 0 } });
  },
});
