import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import type { Finding } from "../core/diagnostic.js";
import type { SourceText } from "../core/source.js";

/** verify's messages mapped to our rules; a message we also report at the same line is dropped as a duplicate. */
const MAP: [RegExp, string][] = [
  [/^Unknown key '/, "directives/unknown-directive"],
  [/^Unknown section '/, "syntax/unknown-section"],
  [/^Missing '='|^Missing key name/, "syntax/invalid-line"],
  [/^Assignment outside of section/, "syntax/assignment-outside-section"],
  [/^Invalid section header|^Bad characters in section header/, "syntax/invalid-section-header"],
  [/^String is not UTF-8 clean/, "syntax/invalid-utf8"],
  [/deprecated|obsolete|has been removed|please use/i, "directives/deprecated-directive"],
  [/^Failed to parse|^Invalid/, "values/invalid-value"],
];

export function hasSystemdAnalyze(): boolean {
  return spawnSync("systemd-analyze", ["--version"], { stdio: "ignore" }).status === 0;
}

/**
 * `--with-systemd`: systemd's own word on the unit files (not templates or
 * drop-ins, which verify cannot load alone), as findings with our rule ids
 * where one fits and `systemd/verify` otherwise, minus what we already report.
 */
export function verifyFindings(paths: string[], sources: Map<string, SourceText>, ours: Finding[]): Finding[] {
  const units = paths.filter((p) => /\.(service|socket|timer|path|mount|automount|swap|slice|target)$/.test(p) && !/@\.[a-z]+$/.test(p));
  if (units.length === 0) return [];
  const r = spawnSync("systemd-analyze", ["verify", "--man=no", ...units.map((p) => resolve(p))], { encoding: "utf8", maxBuffer: 64 << 20 });
  const byAbs = new Map(units.map((p) => [resolve(p), p]));
  const taken = new Set(ours.map((f) => `${f.file}:${f.line}:${f.rule}`));
  const out: Finding[] = [];
  for (const line of `${r.stderr ?? ""}${r.stdout ?? ""}`.split("\n")) {
    const m = /^(\/.+?):(\d+): (.*)$/.exec(line);
    if (!m) continue;
    const file = byAbs.get(m[1]!);
    if (!file) continue;
    const n = Number(m[2]);
    const rule = MAP.find(([re]) => re.test(m[3]!))?.[1] ?? "systemd/verify";
    if (taken.has(`${file}:${n}:${rule}`) || ours.some((f) => f.file === file && f.line === n && rule !== "systemd/verify")) continue;
    const src = sources.get(file);
    const start = src ? src.offsetAt({ line: n, column: 1 }) : 0;
    const end = src ? start + src.lineText(n).length : 0;
    out.push({ rule, severity: "warning", message: `systemd-analyze verify: ${m[3]}`, file, range: { start, end }, line: n, column: 1, endLine: n, endColumn: end - start + 1 });
  }
  return out;
}
