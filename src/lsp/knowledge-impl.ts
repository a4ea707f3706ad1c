import { directiveInfo, directivesFor, directivesOfSection, enumInfo, sectionsWithDirective, SPECIFIERS, type EnumInfo } from "../knowledge/directives.js";
import { closestMatch } from "../core/suggest.js";
import { SPECIAL_UNITS } from "../knowledge/special-units.js";
import { SYSTEMD_SYSTEM_UNITS } from "../knowledge/systemd-units.generated.js";
import { directiveDefault } from "../knowledge/defaults.js";
import type { EditorKnowledge } from "./knowledge.js";
import { isBooleanSetting } from "../values/validate.js";

/** Editor knowledge backed by the generated directive tables. */
export function defaultKnowledge(): EditorKnowledge {
  return {
    directives: (type, section) =>
      directivesFor(type, section)
        .filter((d) => d.status !== "removed")
        .map((d) => ({ name: d.name, detail: `${d.valueType}${d.isList ? " (list)" : ""}`, deprecated: d.status !== "current" })),
    describe: (section, key) => {
      const d = directiveInfo(section, key);
      if (!d) return unknownKey(section, key);
      const e = enumInfo(key);
      const lines = [
        `**${d.name}=** in \`[${d.section}]\``,
        "",
        `- value: ${d.valueType}${d.isList ? " — a list: repeat to add, an empty assignment resets" : " — the last assignment wins"}`,
      ];
      if (e)
        lines.push(
          `- allowed: ${enumChoices(e)
            .map((v) => `\`${v}\``)
            .join(", ")}`,
        );
      const def = directiveDefault(d.section, d.name);
      if (def) lines.push(`- default: ${def}`);
      lines.push(`- since: ${d.since === null ? "before systemd 183" : `systemd ${d.since}`}`);
      if (d.status !== "current") lines.push(`- **${d.status}**${d.replacement ? `: use ${d.replacement}` : ""}${d.notes ? ` (${d.notes})` : ""}`);
      return lines.join("\n");
    },
    values: (section, key) => {
      // Only for a setting of this section: `Restart=` in [Unit] is not the service's Restart=.
      const d = directiveInfo(section, key);
      if (!d) return [];
      const e = enumInfo(key);
      if (e && (e.sections.length === 0 || e.sections.includes(section))) return enumChoices(e);
      return isBooleanSetting(d) ? ["yes", "no"] : [];
    },
    specifiers: () => SPECIFIERS.filter((s) => s.status === "current").map((s) => ({ specifier: s.specifier, meaning: s.meaning })),
    // systemd.special(7) and the units systemd 252 itself ships (systemd-networkd.service, tmp.mount…)
    specialUnits: () => [...new Set([...SPECIAL_UNITS, ...SYSTEMD_SYSTEM_UNITS])],
  };
}

/** Hover on a key systemd does not know in this section: the setting it most likely meant, or where it belongs. */
function unknownKey(section: string, key: string): string | undefined {
  if (!key) return undefined;
  const elsewhere = sectionsWithDirective(key).filter((d) => d.status !== "removed");
  if (elsewhere.length)
    return `**${key}=** is not a setting of \`[${section}]\`: it belongs in ${elsewhere.map((d) => `\`[${d.section}]\``).join(", ")}. systemd ignores it here.`;
  const guess = closestMatch(
    key,
    directivesOfSection(section)
      .filter((d) => d.status !== "removed")
      .map((d) => d.name),
  );
  const head = `**${key}=** is not a setting systemd knows in \`[${section}]\`; systemd ignores the line.`;
  return guess ? `${head}\n\nDid you mean **${guess}=**?` : head;
}

/** The values an enum setting takes, `yes`/`no` included where it also takes a boolean. */
function enumChoices(e: EnumInfo): string[] {
  return [...new Set([...e.values, ...(e.acceptsBoolean ? ["yes", "no"] : [])])];
}
