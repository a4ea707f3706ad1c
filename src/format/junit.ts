import type { Formatter } from "./types.js";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");

/** JUnit XML: one test case per checked file with findings, one failure per error or warning. */
export const junit: Formatter = ({ findings }) => {
  const byFile = new Map<string, typeof findings>();
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const failures = findings.filter((f) => f.severity !== "info").length;
  const out = ['<?xml version="1.0" encoding="utf-8"?>', `<testsuites name="unitlint" tests="${byFile.size}" failures="${failures}">`, `  <testsuite name="unitlint" tests="${byFile.size}" failures="${failures}">`];
  for (const [file, list] of byFile) {
    out.push(`    <testcase classname="unitlint" name="${esc(file)}">`);
    for (const f of list.filter((x) => x.severity !== "info"))
      out.push(`      <failure type="${esc(f.rule)}" message="${esc(f.message)}">${esc(`${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`)}</failure>`);
    out.push("    </testcase>");
  }
  out.push("  </testsuite>", "</testsuites>");
  return out.join("\n") + "\n";
};
