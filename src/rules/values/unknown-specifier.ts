import { directiveInfo, SPECIFIERS } from "../../knowledge/directives.js";
import { SPECIFIER_PARSERS } from "../../knowledge/parser-traits.js";
import { hasNoInstance } from "../../model/unit-file.js";
import { valueSubRange } from "../../parser/unit/index.js";
import { breaksWithEmptyInstance } from "../../values/validate.js";
import { checkedEntries } from "../directives/entries-helper.js";
import { defineRule } from "../types.js";

const KNOWN = new Map(SPECIFIERS.map((s) => [s.specifier, s]));
// %j and %J come from the unit name's prefix, which every unit has: only the instance itself is empty.
const INSTANCE = new Set(["%i", "%I"]);

export default defineRule({
  meta: {
    id: "values/unknown-specifier",
    family: "values",
    severity: "error",
    fixable: "safe",
    messages: {
      unknown: "'{spec}' is not a specifier; systemd fails to load the setting. Write '%%' for a literal '%'",
      deprecated: "'{spec}' is an old, undocumented specifier; do not rely on it",
      noInstance: "'{spec}' expands to an empty string: {unit} is not a template (only foo@.service units have an instance)",
    },
    docs: {
      summary:
        "A `%` followed by a letter or digit that is not a specifier systemd knows (a literal `%` must be written `%%`), or an instance specifier in a unit that has no instance.",
      rationale:
        'systemd expands `%x` in most settings. An unknown letter or digit after `%` makes the setting fail ("Failed to resolve specifiers"); `date +%F` in ExecStart= silently becomes something else. `%i` in a non-template unit expands to nothing. A `%` before any other character, or at the end of the value, stays a literal `%`.',
      bad: { filename: "report.service", text: "[Service]\nExecStart=/usr/bin/report --tag %x --day %i\n" },
      good: { filename: "report.service", text: "[Service]\nExecStart=/usr/bin/report --tag %%x --day %n\n" },
      fix: "An unknown specifier becomes a literal by doubling its '%' — which is what it looks like the author meant; the fix is safe because the unknown specifier made the setting fail anyway.",
      reference: "systemd.unit(5) Specifiers",
    },
  },
  checkFile(ctx) {
    const name = ctx.file.name;
    const noInstance = hasNoInstance(ctx.file);
    for (const { section, entry } of checkedEntries(ctx.file)) {
      const d = directiveInfo(section, entry.key);
      if (!d || !(d.specifiers || SPECIFIER_PARSERS.has(d.parser))) continue;
      const v = entry.value;
      // judged once per value, not once per %i in it (a value may hold thousands)
      let breaks: boolean | undefined;
      for (let i = 0; i < v.length; i++) {
        if (v[i] !== "%") continue;
        const spec = v.slice(i, i + 2);
        i++;
        if (spec === "%%") continue;
        // systemd 252 keeps a '%' before anything but a letter or digit (or at the end) as a literal.
        if (!/^%[A-Za-z0-9]$/.test(spec)) continue;
        const range = valueSubRange(entry, i - 1, Math.min(i + 1, v.length));
        const info = KNOWN.get(spec);
        if (!info) {
          ctx.report({
            messageId: "unknown",
            data: { spec },
            file: ctx.file,
            range,
            fix: { description: `Write %${spec} (a literal ${spec})`, safe: true, edits: [{ start: range.start, end: range.start, text: "%" }] },
          });
        } else if (info.status !== "current") ctx.report({ messageId: "deprecated", data: { spec }, file: ctx.file, range, severity: "warning" });
        // values/invalid-value reports an instance specifier that leaves a value systemd refuses: one finding, not two
        else if (INSTANCE.has(spec) && noInstance && !(breaks ??= breaksWithEmptyInstance(v, d)))
          ctx.report({ messageId: "noInstance", data: { spec, unit: name.name }, file: ctx.file, range, severity: "info" });
      }
    }
  },
});
