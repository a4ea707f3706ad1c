import type { Formatter } from "./types.js";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");

/** Checkstyle XML, read by many CI dashboards (Jenkins warnings-ng, reviewdog...). */
export const checkstyle: Formatter = ({ findings }) => {
  const byFile = new Map<string, typeof findings>();
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const out = ['<?xml version="1.0" encoding="utf-8"?>', '<checkstyle version="4.3">'];
  for (const [file, list] of byFile) {
    out.push(`  <file name="${esc(file)}">`);
    for (const f of list) out.push(`    <error line="${f.line}" column="${f.column}" severity="${f.severity}" message="${esc(f.message)}" source="unitlint.${esc(f.rule)}"/>`);
    out.push("  </file>");
  }
  out.push("</checkstyle>");
  return out.join("\n") + "\n";
};
