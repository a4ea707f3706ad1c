import type { Finding } from "../core/diagnostic.js";
import type { Formatter } from "./types.js";
import { xmlText } from "./xml.js";

/**
 * JUnit XML: a test case per checked file, failed by its errors and warnings
 * (info findings are listed in the case's output, they fail nothing).
 */
export const junit: Formatter = ({ findings, files }) => {
  const byFile = new Map<string, Finding[]>((files ?? []).map((f) => [f, []]));
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const failing = [...byFile.values()].filter((list) => list.some((f) => f.severity !== "info")).length;
  const counts = `tests="${byFile.size}" failures="${failing}" errors="0" skipped="0"`;
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="unitlint" ${counts}>`, `  <testsuite name="unitlint" ${counts}>`];
  const line = (f: Finding) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`;
  for (const [file, list] of byFile) {
    const bad = list.filter((f) => f.severity !== "info");
    const info = list.filter((f) => f.severity === "info");
    if (bad.length === 0 && info.length === 0) {
      out.push(`    <testcase classname="unitlint" name="${xmlText(file)}"/>`);
      continue;
    }
    out.push(`    <testcase classname="unitlint" name="${xmlText(file)}">`);
    if (bad.length) {
      const first = bad[0]!;
      const summary = bad.length === 1 ? `${first.rule}: ${first.message}` : `${bad.length} problems, first ${first.rule}: ${first.message}`;
      out.push(`      <failure type="${xmlText(first.rule)}" message="${xmlText(summary)}">${xmlText(bad.map(line).join("\n"))}</failure>`);
    }
    if (info.length) out.push(`      <system-out>${xmlText(info.map(line).join("\n"))}</system-out>`);
    out.push("    </testcase>");
  }
  out.push("  </testsuite>", "</testsuites>");
  return out.join("\n") + "\n";
};
