import { parseUnitName } from "../../model/unit-name.js";
import { valueSubRange } from "../../parser/unit/index.js";
import { splitWords } from "../../values/words.js";
import { defineRule } from "../types.js";

export default defineRule({
  meta: {
    id: "install/alias-type-mismatch",
    family: "install",
    severity: "error",
    fixable: "none",
    messages: {
      type: "Alias={alias} has a different type than {unit}: an alias must end in .{type}; systemctl enable refuses it",
      instance: "DefaultInstance= in {unit}, which is not a template (foo@.{type}): it has no effect",
    },
    docs: {
      summary: "An `Alias=` with another type suffix than the unit, or `DefaultInstance=` in a unit that is not a template.",
      rationale: 'systemctl enable refuses an alias of another type ("Invalid unit name"), and `DefaultInstance=` only means something for templates.',
      bad: { filename: "web.service", text: "[Service]\nExecStart=/usr/bin/web\n\n[Install]\nAlias=www.socket\nWantedBy=multi-user.target\n" },
      good: { filename: "web.service", text: "[Service]\nExecStart=/usr/bin/web\n\n[Install]\nAlias=www.service\nWantedBy=multi-user.target\n" },
      reference: "systemd.unit(5) [Install] Alias=, DefaultInstance=",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    if (!u.type) return;
    for (const a of u.list("Install", "Alias")) {
      for (const w of splitWords(a.value).words) {
        if (w.text.includes("%") || parseUnitName(w.text).type === u.type) continue;
        ctx.report({ messageId: "type", data: { alias: w.text, unit: u.name.name, type: u.type }, file: a.file, range: valueSubRange(a.entry, w.from, w.to) });
      }
    }
    const d = u.last("Install", "DefaultInstance");
    if (d && d.value !== "" && !u.name.isTemplate && u.main)
      ctx.report({ messageId: "instance", data: { unit: u.name.name, type: u.type }, file: d.file, range: d.entry.range });
  },
});
