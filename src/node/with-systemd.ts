import { spawnSync } from "node:child_process";
import { basename, resolve } from "node:path";
import type { Finding, Severity } from "../core/diagnostic.js";
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
  [/^Accepting user\/group name|^Special user nobody/, "loading/invalid-user-group"],
  [/^Failed to parse|^Invalid|, ignoring|ignoring:/, "values/invalid-value"],
];

/** What systemd says when it will not load a unit at all: kept as errors, so the run fails as systemd would. */
const FATAL = /Refusing|fatal error|bad unit file setting|will not be started/i;
/** Follow-ups that only repeat that a unit was refused, after the message that says why. */
const GENERIC_FATAL = /^Unit \S+ has a bad unit file setting\.?$|^Unit configuration has fatal error/;

export function hasSystemdAnalyze(): boolean {
  return spawnSync("systemd-analyze", ["--version"], { stdio: "ignore" }).status === 0;
}

interface Message {
  file: string;
  /** 0: the message names the unit but no line; it is attached to line 1. */
  line: number;
  text: string;
}

/**
 * Which checked file and line each line of verify's output is about: `/abs/path:LINE: text`, `name.service: text`,
 * `Unit name.service ...`, or, for the few messages that name no unit ("Accepting user/group name 'a b'..."), the
 * only unit verified or the one unit whose text holds the quoted value. Lines that fit none are dropped.
 */
function attribute(output: string, units: string[], sources: Map<string, SourceText>): Message[] {
  const byAbs = new Map(units.map((p) => [resolve(p), p]));
  const byName = new Map<string, string>();
  for (const p of units) if (!byName.has(basename(p))) byName.set(basename(p), p);
  const out: Message[] = [];
  for (const raw of output.split("\n")) {
    const line = raw.trimEnd();
    if (!line) continue;
    const at = /^(\/.+?):(\d+): (.*)$/.exec(line);
    if (at && byAbs.has(at[1]!)) {
      out.push({ file: byAbs.get(at[1]!)!, line: Number(at[2]), text: at[3]! });
      continue;
    }
    const named = /^([^\s/:]+\.[a-z]+): (.*)$/.exec(line) ?? /^Unit ([^\s/:]+\.[a-z]+) /.exec(line);
    if (named && byName.has(named[1]!)) {
      out.push({ file: byName.get(named[1]!)!, line: 0, text: named[2] ?? line });
      continue;
    }
    if (/^(\/|[^\s/:]+\.[a-z]+: )/.test(line)) continue; // another file's message (a dependency verify loaded)
    const quoted = /'([^']+)'/.exec(line)?.[1];
    const holders = units.length === 1 ? units : quoted ? units.filter((p) => sources.get(p)?.text.includes(quoted)) : [];
    if (holders.length !== 1) continue;
    // The line that holds the quoted value, when one does: "Accepting user/group name 'a b'" is about `User=a b`.
    const src = sources.get(holders[0]!);
    let at0 = 0;
    if (quoted && src) for (let i = 1; i <= src.lineCount && !at0; i++) if (src.lineText(i).includes(quoted)) at0 = i;
    out.push({ file: holders[0]!, line: at0, text: line });
  }
  return out;
}

/**
 * `--with-systemd`: systemd's own word on the unit files (not templates or drop-ins, which verify cannot load
 * alone), as findings with our rule ids where one fits and `systemd/verify` otherwise. A message is left out when
 * unitlint already reports the same problem on that line: the same rule or rule family, or an error of ours on the
 * line. systemd's refusals stay errors; the generic "bad unit file setting" follow-up is kept only when nothing
 * else says the unit is refused.
 */
export function verifyFindings(paths: string[], sources: Map<string, SourceText>, ours: Finding[]): Finding[] {
  const units = paths.filter((p) => /\.(service|socket|timer|path|mount|automount|swap|slice|target)$/.test(p) && !/@\.[a-z]+$/.test(p));
  if (units.length === 0) return [];
  const r = spawnSync("systemd-analyze", ["verify", "--man=no", ...units.map((p) => resolve(p))], { encoding: "utf8", maxBuffer: 64 << 20 });
  const messages = attribute(`${r.stderr ?? ""}${r.stdout ?? ""}`, units, sources);
  const family = (rule: string) => rule.slice(0, rule.indexOf("/"));
  const refusedByUs = new Set(ours.filter((f) => f.severity === "error" && /refuse/i.test(f.message)).map((f) => f.file));
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const m of messages) {
    const fatal = FATAL.test(m.text);
    const severity: Severity = fatal ? "error" : "warning";
    const n = m.line || 1;
    const rule = m.line ? (MAP.find(([re]) => re.test(m.text))?.[1] ?? "systemd/verify") : "systemd/verify";
    const key = `${m.file}\0${n}\0${m.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (fatal && (refusedByUs.has(m.file) || (GENERIC_FATAL.test(m.text) && out.some((f) => f.file === m.file && f.severity === "error")))) continue;
    const same = ours.some(
      (f) => f.file === m.file && f.line === n && (f.rule === rule || (rule !== "systemd/verify" && family(f.rule) === family(rule)) || f.severity === "error"),
    );
    if (m.line && same) continue;
    const src = sources.get(m.file);
    const start = src ? src.offsetAt({ line: n, column: 1 }) : 0;
    const end = src ? start + src.lineText(n).length : 0;
    out.push({
      rule,
      severity,
      message: `systemd-analyze verify: ${m.text}`,
      file: m.file,
      range: { start, end },
      line: n,
      column: 1,
      endLine: n,
      endColumn: end - start + 1,
    });
  }
  return out;
}
