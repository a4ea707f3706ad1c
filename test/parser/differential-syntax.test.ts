import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeLossless } from "../../src/core/bytes.js";
import { parseUnitFile } from "../../src/parser/unit/index.js";
import { tempDir } from "../helpers/cli.js";

const hasAnalyze = spawnSync("systemd-analyze", ["--version"]).status === 0;

/**
 * What systemd-analyze verify should say about a generated .target file,
 * predicted from our tree: one "line:kind:detail" per message, in order,
 * up to the first error that makes systemd stop reading the file.
 */
function predict(text: string): string[] {
  const { ast } = parseUnitFile(text);
  const out: string[] = [];
  let section: string | null = null;
  for (const l of ast.lines) {
    const line = l.lastLine + (l.continuedAtEof ? 1 : 0);
    if (l.kind === "blank" || l.kind === "comment") continue;
    // systemd checks UTF-8 on every non-comment line first, wherever it is
    if (l.invalidUtf8) return [...out, `${line}:utf8`];
    if (l.kind === "section-header") {
      if (l.problem === "unterminated") return [...out, `${line}:invalid-header`];
      if (l.problem === "bad-characters") return [...out, `${line}:bad-chars`];
      section = l.name;
      if (!["Unit", "Install"].includes(section) && !section.startsWith("X-")) out.push(`${line}:unknown-section:${section}`);
      continue;
    }
    if (section === null) {
      out.push(`${line}:outside`);
      continue;
    }
    if (!["Unit", "Install"].includes(section)) continue;
    if (l.kind === "invalid") out.push(`${line}:${l.problem === "missing-key" ? "missing-key" : "missing-equals"}`);
    else if (l.kind === "entry" && !l.key.startsWith("X-") && !(l.key === "Description" && section === "Unit")) out.push(`${line}:unknown-key:${l.key}`);
  }
  return out;
}

const MESSAGES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^Unknown key '(.*)' in section \[.*\], ignoring\.$/, (m) => `unknown-key:${m[1]}`],
  [/^Unknown section '(.*)'\. Ignoring\.$/, (m) => `unknown-section:${m[1]}`],
  [/^Missing '=', ignoring line\.$/, () => "missing-equals"],
  [/^Missing key name before '=', ignoring line\.$/, () => "missing-key"],
  [/^Assignment outside of section\. Ignoring\.$/, () => "outside"],
  [/^Invalid section header/, () => "invalid-header"],
  [/^Bad characters in section header/, () => "bad-chars"],
  [/^String is not UTF-8 clean/, () => "utf8"],
];

function actual(stderr: string, path: string): string[] {
  const out: string[] = [];
  for (const raw of stderr.split("\n")) {
    if (!raw.startsWith(path + ":")) continue;
    const rest = raw.slice(path.length + 1);
    const m = rest.match(/^(\d+): (.*)$/);
    if (!m) continue;
    for (const [re, kind] of MESSAGES) {
      const mm = m[2]!.match(re);
      if (mm) out.push(`${m[1]}:${kind(mm)}`);
    }
  }
  return out;
}

let keyNo = 0;
const lineArb = fc.oneof(
  fc.constantFrom(
    "[Unit]",
    "[Install]",
    "[Bogus]",
    "[X-Ext]",
    "[Unit",
    "[Un'it]",
    "  [Unit]  ",
    "# comment",
    "; comment",
    "#c \\",
    "",
    "   ",
    "\\",
    "=v",
    "noequals",
    "  Description=x",
  ),
  fc.constantFrom("K=v", "  K = v  ", "K=v\\", "K=v\\\\", "K=\\", "X-K=1", "K=caf\udce9", "K k=1", "\uFEFF[Unit]", "\uFEFFK=1"),
  // A byte-order mark hides a comment from systemd: the line is read as an assignment, and may continue.
  fc.constantFrom("\uFEFF# c", "\uFEFF# c \\", "\uFEFF;K=1", "K=v \\\n\uFEFF# c"),
);
const eolArb = fc.constantFrom("\n", "\n", "\n", "\r\n", "\r");
const fileArb = fc
  .array(fc.tuple(lineArb, eolArb), { minLength: 1, maxLength: 14 })
  .chain((lines) =>
    fc
      .boolean()
      .map((finalEol) =>
        lines.map(([l, e], i) => l.replace(/^(\uFEFF?\s*)K/, (_m, pre: string) => `${pre}U${++keyNo}`) + (i < lines.length - 1 || finalEol ? e : "")).join(""),
      ),
  );

// Calls the installed systemd-analyze; skipped where it is absent (not Linux, or systemd not installed).
describe.skipIf(!hasAnalyze)("parser agrees with systemd-analyze verify", () => {
  it("on messages and line numbers of generated files", () => {
    const samples = fc.sample(fileArb, { numRuns: 1500, seed: 20261122 });
    const dir = tempDir();
    const paths = samples.map((text, i) => {
      const p = join(dir, `f${i}.target`);
      writeFileSync(p, encodeLossless(text));
      return p;
    });
    const r = spawnSync("systemd-analyze", ["verify", "--man=no", ...paths], { encoding: "utf8", maxBuffer: 64 << 20 });
    const disagreements: string[] = [];
    samples.forEach((text, i) => {
      const want = actual(r.stderr, paths[i]!);
      const got = predict(text);
      if (JSON.stringify(want) !== JSON.stringify(got))
        disagreements.push(`${JSON.stringify(text)}\n  systemd: ${want.join(" | ")}\n  ours:    ${got.join(" | ")}`);
    });
    expect(disagreements.slice(0, 5)).toEqual([]);
  });
});
