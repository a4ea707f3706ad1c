import { directiveInfo, directivesFor, enumInfo, SPECIFIERS } from "../knowledge/directives.js";
import { SPECIAL_UNITS } from "../knowledge/special-units.js";
import { directiveDefault } from "../knowledge/defaults.js";
import type { EditorKnowledge } from "./knowledge.js";

/** Editor knowledge backed by the generated directive tables. */
export function defaultKnowledge(): EditorKnowledge {
  return {
    directives: (type, section) =>
      directivesFor(type, section)
        .filter((d) => d.status !== "removed")
        .map((d) => ({ name: d.name, detail: `${d.valueType}${d.isList ? " (list)" : ""}`, deprecated: d.status !== "current" })),
    describe: (section, key) => {
      const d = directiveInfo(section, key);
      if (!d) return undefined;
      const e = enumInfo(key);
      const lines = [
        `**${d.name}=** in \`[${d.section}]\``,
        "",
        `- value: ${d.valueType}${d.isList ? " — a list: repeat to add, an empty assignment resets" : " — the last assignment wins"}`,
      ];
      if (e) lines.push(`- allowed: ${[...new Set([...e.values, ...(e.acceptsBoolean ? ["yes", "no"] : [])])].map((v) => `\`${v}\``).join(", ")}`);
      const def = directiveDefault(d.section, d.name);
      if (def) lines.push(`- default: ${def}`);
      lines.push(`- since: ${d.since === null ? "before systemd 183" : `systemd ${d.since}`}`);
      if (d.status !== "current") lines.push(`- **${d.status}**${d.replacement ? `: use ${d.replacement}` : ""}${d.notes ? ` (${d.notes})` : ""}`);
      return lines.join("\n");
    },
    values: (_section, key) => {
      const e = enumInfo(key);
      return e ? [...new Set([...e.values, ...(e.acceptsBoolean ? ["yes", "no"] : [])])] : [];
    },
    specifiers: () => SPECIFIERS.filter((s) => s.status === "current").map((s) => ({ specifier: s.specifier, meaning: s.meaning })),
    specialUnits: () => SPECIAL_UNITS,
  };
}
