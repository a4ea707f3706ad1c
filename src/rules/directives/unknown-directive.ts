import { closestMatch } from "../../core/suggest.js";
import { directiveInfo, directivesOfSection, sectionsWithDirective } from "../../knowledge/directives.js";
import { defineRule } from "../types.js";
import { checkedEntries } from "./entries-helper.js";

export default defineRule({
  meta: {
    id: "directives/unknown-directive",
    family: "directives",
    severity: "error",
    fixable: "safe",
    messages: {
      unknown: "unknown setting '{key}' in [{section}]; systemd ignores it",
      caseOnly: "unknown setting '{key}' in [{section}]: settings are case-sensitive, this is '{suggestion}'",
      typo: "unknown setting '{key}' in [{section}], did you mean '{suggestion}'? systemd ignores it",
    },
    docs: {
      summary: "A setting systemd does not know in any section: a typo, wrong case, or a made-up name.",
      rationale:
        'systemd logs "Unknown key" and ignores the line, so a misspelt `Restartsec=` silently leaves the default in place. Setting names are case-sensitive. Your own settings belong in `X-` keys.',
      bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nRestart=on-failure\nRestartsec=5\n" },
      good: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nRestart=on-failure\nRestartSec=5\n" },
      fix: "A setting that differs only in letter case is renamed (safe: it is the only setting systemd could mean). Other suggestions are offered but not applied.",
      reference: "systemd.directives(7)",
    },
  },
  checkFile(ctx) {
    for (const { section, entry } of checkedEntries(ctx.file)) {
      if (directiveInfo(section, entry.key) || sectionsWithDirective(entry.key).some((d) => d.status !== "removed")) continue;
      const candidates = directivesOfSection(section)
        .filter((d) => d.status !== "removed")
        .map((d) => d.name);
      const lower = entry.key.toLowerCase();
      const caseMatches = candidates.filter((c) => c.toLowerCase() === lower);
      const rename = (to: string, safe: boolean) => ({
        description: `Rename to ${to}=`,
        safe,
        edits: [{ start: entry.keyRange.start, end: entry.keyRange.end, text: to }],
      });
      if (caseMatches.length === 1) {
        const s = caseMatches[0]!;
        ctx.report({ messageId: "caseOnly", data: { key: entry.key, section, suggestion: s }, file: ctx.file, range: entry.keyRange, fix: rename(s, true) });
        continue;
      }
      const typo = closestMatch(entry.key, candidates);
      if (typo) {
        ctx.report({
          messageId: "typo",
          data: { key: entry.key, section, suggestion: typo },
          file: ctx.file,
          range: entry.keyRange,
          suggestions: [rename(typo, false)],
        });
      } else ctx.report({ messageId: "unknown", data: { key: entry.key, section }, file: ctx.file, range: entry.keyRange });
    }
  },
});
