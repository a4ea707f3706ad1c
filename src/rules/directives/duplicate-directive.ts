import { directiveInfo } from "../../knowledge/directives.js";
import type { EntryNode } from "../../parser/unit/ast.js";
import { defineRule } from "../types.js";
import { checkedEntries } from "./entries-helper.js";

export default defineRule({
  meta: {
    id: "directives/duplicate-directive",
    family: "directives",
    severity: "warning",
    fixable: "none",
    messages: {
      overridden: "'{key}=' is set again on line {line} of this file; this assignment has no effect (the last one wins)",
      discarded: "the empty '{key}=' on line {line} resets the list, so this earlier assignment has no effect",
      repeated: "'{key}={value}' repeats line {line} of this file word for word; the second assignment adds nothing (remove it)",
    },
    docs: {
      summary:
        "An assignment that a later line of the same file makes dead: a single-valued setting set twice, list values before an empty reset, or the same list assignment written twice (two identical `Environment=NAME=value` lines).",
      rationale:
        "For single-valued settings the last assignment wins, so the earlier line is dead code that misleads readers. An empty assignment (`ExecStart=`) resets a list: useful in a drop-in, but in the same file it throws away the lines above it. Overriding the unit from a drop-in is normal and not reported.",
      bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nRestart=always\nRestart=on-failure\n" },
      good: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nRestart=on-failure\n" },
      reference: "systemd.syntax(7), systemd.unit(5)",
    },
  },
  checkFile(ctx) {
    const seen = new Map<string, EntryNode[]>();
    for (const { section, entry } of checkedEntries(ctx.file)) {
      const info = directiveInfo(section, entry.key);
      if (!info) continue;
      const k = `${section}\u0000${entry.key}`;
      const earlier = seen.get(k) ?? [];
      if (info.isList) {
        if (entry.value === "") {
          for (const e of earlier)
            if (e.value !== "") ctx.report({ messageId: "discarded", data: { key: entry.key, line: entry.firstLine }, file: ctx.file, range: e.range });
          seen.set(k, [entry]);
        } else {
          // The same value twice (Environment=A=1 twice) adds nothing; commands are left alone: a repeated ExecStartPre= runs twice.
          const twin = entry.key.startsWith("Exec") ? undefined : earlier.find((e) => e.value.trim() === entry.value.trim());
          if (twin)
            ctx.report({
              messageId: "repeated",
              data: { key: entry.key, value: entry.value.trim(), line: twin.firstLine },
              file: ctx.file,
              range: entry.range,
            });
          if (earlier.length) earlier.push(entry);
          else seen.set(k, [entry]);
        }
      } else {
        for (const e of earlier) ctx.report({ messageId: "overridden", data: { key: entry.key, line: entry.firstLine }, file: ctx.file, range: e.range });
        seen.set(k, [entry]);
      }
    }
  },
});
