import { valueSubRange } from "../../parser/unit/index.js";
import { splitWords } from "../../values/words.js";
import { defineRule } from "../types.js";
import { TYPE_SECTION } from "../../knowledge/sections.js";

const SECRET_NAME = /(pass(word|wd)?|secret|token|api_?key|access_?key|private_?key|credential)s?$/i;
const URL_WITH_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^/:@\s]+:[^/@\s]+@/i;

export default defineRule({
  meta: {
    id: "identity/secret-in-environment",
    family: "identity",
    severity: "warning",
    unitTypes: ["service", "socket", "mount", "swap"],
    fixable: "none",
    messages: {
      named: "{name}= looks like a credential written into the unit; unit files are world-readable (systemctl show prints them). Use EnvironmentFile= with mode 0600 or LoadCredential=",
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
        const eq = w.text.indexOf("=");
        if (eq <= 0) continue;
        const name = w.text.slice(0, eq);
        const value = w.text.slice(eq + 1);
        if (value === "" || /^\$\{?|^%/.test(value)) continue;
        const messageId = URL_WITH_PASSWORD.test(value) ? "url" : SECRET_NAME.test(name) ? "named" : undefined;
        if (messageId) ctx.report({ messageId, data: { name }, file: a.file, range: valueSubRange(a.entry, w.from, w.to) });
      }
    }
  },
});
