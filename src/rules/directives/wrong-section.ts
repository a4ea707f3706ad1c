import { directiveInfo, sectionsWithDirective } from "../../knowledge/directives.js";
import { sectionsFor } from "../../knowledge/sections.js";
import { defineRule } from "../types.js";
import { checkedEntries } from "./entries-helper.js";

export default defineRule({
  meta: {
    id: "directives/wrong-section",
    family: "directives",
    severity: "error",
    fixable: "none",
    messages: {
      otherSection: "'{key}' belongs in [{sections}], not in [{section}]; systemd ignores it here",
      otherType: "'{key}' is a setting of {types} units ([{sections}]), not of a {type} unit; systemd ignores it here",
    },
    docs: {
      summary: "A real setting placed in a section where systemd does not read it (`WantedBy=` in [Unit], `User=` in [Unit], `OnCalendar=` in a service).",
      rationale:
        'systemd only looks a setting up in its own section and ignores it elsewhere with "Unknown key", so the intended behaviour silently never happens.',
      bad: { filename: "app.service", text: "[Unit]\nDescription=App\nWantedBy=multi-user.target\n\n[Service]\nExecStart=/usr/bin/app\n" },
      good: { filename: "app.service", text: "[Unit]\nDescription=App\n\n[Service]\nExecStart=/usr/bin/app\n\n[Install]\nWantedBy=multi-user.target\n" },
      fix: "Moving a line between sections is left to the author: the right place can depend on intent.",
      reference: "systemd.unit(5), systemd.exec(5)",
    },
  },
  checkFile(ctx) {
    const type = ctx.file.name.type;
    const own = sectionsFor(type);
    for (const { section, entry } of checkedEntries(ctx.file)) {
      if (directiveInfo(section, entry.key)) continue;
      const elsewhere = sectionsWithDirective(entry.key).filter((d) => d.status !== "removed");
      if (elsewhere.length === 0) continue;
      const inType = [...new Set(elsewhere.map((d) => d.section).filter((s) => own.includes(s)))];
      if (inType.length > 0) {
        ctx.report({ messageId: "otherSection", data: { key: entry.key, section, sections: inType.join("], [") }, file: ctx.file, range: entry.keyRange });
      } else {
        const sections = [...new Set(elsewhere.map((d) => d.section))];
        const types = sections.map((s) => s.toLowerCase()).join("/");
        ctx.report({
          messageId: "otherType",
          data: { key: entry.key, types, sections: sections.join("], ["), type: type ?? "this" },
          file: ctx.file,
          range: entry.keyRange,
        });
      }
    }
  },
});
