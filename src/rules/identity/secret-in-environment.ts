import { valueSubRange } from "../../parser/unit/index.js";
import { splitWords } from "../../values/words.js";
import { defineRule } from "../types.js";
import { TYPE_SECTION } from "../../knowledge/sections.js";
import { secretKind } from "../../model/secrets.js";

export default defineRule({
  meta: {
    id: "identity/secret-in-environment",
    family: "identity",
    severity: "warning",
    unitTypes: ["service", "socket", "mount", "swap"],
    fixable: "none",
    messages: {
      named:
        "{name}= looks like a credential written into the unit; unit files are world-readable (systemctl show prints them). Use EnvironmentFile= with mode 0600 or LoadCredential=",
      url: "{name}= holds a URL with a password in it; unit files are world-readable. Use EnvironmentFile= with mode 0600 or LoadCredential=",
    },
    docs: {
      summary: "A password, token or key in `Environment=` (by its name, or a URL with `user:password@`). The secret itself is never printed.",
      rationale:
        "Unit files live in world-readable folders, and `systemctl show` prints Environment= to any user. Secrets belong in an EnvironmentFile= only root can read, or in systemd credentials (LoadCredential=).",
      bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nEnvironment=DATABASE_PASSWORD=hunter2\n" },
      good: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nEnvironmentFile=/etc/app/secrets.env\n" },
      reference: "systemd.exec(5) Environment=, LoadCredential=",
    },
  },
  checkUnit(ctx) {
    const section = ctx.unit.type ? TYPE_SECTION[ctx.unit.type] : null;
    if (!section) return;
    for (const a of ctx.unit.list(section, "Environment")) {
      for (const w of splitWords(a.value).words) {
        // The same test masks the value wherever source text is shown (model/secrets.ts).
        const messageId = secretKind(w.text);
        if (messageId)
          ctx.report({ messageId, data: { name: w.text.slice(0, w.text.indexOf("=")) }, file: a.file, range: valueSubRange(a.entry, w.from, w.to) });
      }
    }
  },
});
