import type { Finding } from "../core/diagnostic.js";
import type { Formatter } from "./types.js";
import { xmlText } from "./xml.js";

/** Checkstyle XML, read by many CI dashboards (Jenkins warnings-ng, reviewdog...): a <file> per checked file. */
export const checkstyle: Formatter = ({ findings, files }) => {
  const byFile = new Map<string, Finding[]>((files ?? []).map((f) => [f, []]));
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">'];
  for (const [file, list] of byFile) {
    if (list.length === 0) {
      out.push(`  <file name="${xmlText(file)}"/>`);
      continue;
    }
    out.push(`  <file name="${xmlText(file)}">`);
    for (const f of list)
      out.push(
        `    <error line="${f.line}" column="${f.column}" severity="${f.severity}" message="${xmlText(f.message)}" source="unitlint.${xmlText(f.rule)}"/>`,
      );
    out.push("  </file>");
  }
  out.push("</checkstyle>");
  return out.join("\n") + "\n";
};
