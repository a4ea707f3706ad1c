import { isKnownSection, sectionsFor } from "../../knowledge/sections.js";
import { closestMatch } from "../../core/suggest.js";
import { defineRule } from "../types.js";

export default defineRule({
  meta: {
    id: "syntax/unknown-section",
    family: "syntax",
    severity: "warning",
    fixable: "safe",
    messages: {
      unknown:
        "unknown section [{name}] for a {type} unit; systemd ignores it and every setting in it (sections here: {allowed}; use an 'X-' prefix for your own)",
      wrongType: "section [{name}] does not belong in a {type} unit; systemd ignores it and every setting in it (sections here: {allowed})",
      caseOnly: "unknown section [{name}]: section names are case-sensitive, so systemd ignores it and every setting in it; did you mean [{suggestion}]?",
      typo: "unknown section [{name}] for a {type} unit, did you mean [{suggestion}]? systemd ignores the section and every setting in it",
    },
    docs: {
      summary: "A section systemd does not know for this unit type.",
      rationale:
        "systemd warns and skips unknown sections entirely, so a typo such as `[service]` silently drops every setting below it. Custom sections must start with `X-`.",
      bad: { filename: "app.service", text: "[Unit]\nDescription=App\n\n[service]\nExecStart=/usr/bin/app\n" },
      good: { filename: "app.service", text: "[Unit]\nDescription=App\n\n[Service]\nExecStart=/usr/bin/app\n" },
      fix: "A section that differs from a known one only in case (`[service]`) is renamed to it (safe: that is plainly what was meant). Other renames change what systemd loads, so they are left to you.",
      reference: "systemd.unit(5)",
    },
  },
  checkFile(ctx) {
    const type = ctx.file.name.type;
    const allowedList = sectionsFor(type);
    const allowed = allowedList.map((s) => `[${s}]`).join(", ");
    const anyType = sectionsFor(null);
    for (const section of ctx.file.ast.sections) {
      if (section.header.problem || isKnownSection(type, section.name)) continue;
      const data = { name: section.name, type: type ?? "unknown-type", allowed };
      const caseMatch = allowedList.find((s) => s.toLowerCase() === section.name.toLowerCase());
      const typo = caseMatch ? undefined : closestMatch(section.name, allowedList);
      const messageId = caseMatch ? "caseOnly" : anyType.includes(section.name) ? "wrongType" : typo ? "typo" : "unknown";
      const range = section.header.nameRange.end > section.header.nameRange.start ? section.header.nameRange : section.header.range;
      ctx.report({
        messageId,
        data: { ...data, suggestion: caseMatch ?? typo ?? "" },
        file: ctx.file,
        range,
        ...(caseMatch && range === section.header.nameRange
          ? { fix: { description: `rename [${section.name}] to [${caseMatch}]`, safe: true, edits: [{ start: range.start, end: range.end, text: caseMatch }] } }
          : {}),
      });
    }
  },
});
