import type { Finding } from "../core/diagnostic.js";
import { ansi, plain, type Palette } from "./colors.js";
import { codeFrame } from "./code-frame.js";
import { displayName, escapeControls } from "./escape.js";
import type { Formatter } from "./types.js";

function sev(f: Finding, c: Palette): string {
  return f.severity === "error" ? c.red("error") : f.severity === "warning" ? c.yellow("warning") : c.blue("info");
}

/** `file:line:col severity rule message`, a code frame under each, and a summary line. */
export const stylish: Formatter = ({ findings, sources, color, fileCount, unreadable = 0, checkedAgainst }) => {
  const c = color ? ansi : plain;
  const out: string[] = [];
  for (const f of findings) {
    // File names and messages may carry control characters from the file system or the file: escaped.
    out.push(
      `${c.bold(`${displayName(f.file)}:${f.line}:${f.column}`)} ${sev(f, c)} ${c.dim(f.rule)} ${escapeControls(f.message)}${f.fix ? c.dim(f.fix.safe ? " [fixable]" : " [fix with --fix-unsafe]") : ""}`,
    );
    const src = sources.get(f.file);
    if (src && src.text.length > 0) out.push(codeFrame(f, src, c));
    for (const r of f.related ?? []) out.push(`  ${c.dim("note:")} ${displayName(r.file)}:${r.line}:${r.column} ${escapeControls(r.message)}`);
  }
  const n = { error: 0, warning: 0, info: 0 };
  for (const f of findings) n[f.severity]++;
  const total = findings.length;
  const files = `${fileCount} file${fileCount === 1 ? "" : "s"} checked${checkedAgainst ? ` against ${checkedAgainst}` : ""}`;
  // Never "no problems found" when some of the paths could not be checked at all.
  const incomplete = unreadable > 0 ? `; ${unreadable} path${unreadable === 1 ? "" : "s"} could not be checked (see the messages on standard error)` : "";
  if (total === 0) out.push(incomplete ? c.red(c.bold(`${files}${incomplete}`)) : `${files}, no problems found`);
  else {
    if (out.length) out.push("");
    const line = `${total} problem${total === 1 ? "" : "s"} (${n.error} error${n.error === 1 ? "" : "s"}, ${n.warning} warning${n.warning === 1 ? "" : "s"}, ${n.info} info) in ${files}${incomplete}`;
    out.push(n.error || incomplete ? c.red(c.bold(line)) : c.yellow(c.bold(line)));
  }
  return out.join("\n") + "\n";
};
