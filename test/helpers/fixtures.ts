import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { decodeLossless } from "../../src/core/bytes.js";
import type { Finding } from "../../src/core/diagnostic.js";
import { lintSources, type LintOptions, type LintSource } from "../../src/linter/lint.js";
import { lintProject } from "../../src/linter/project.js";

/**
 * A fixture is a folder under fixtures/ holding unit files (and drop-in
 * folders) plus `expect.txt`:
 *
 *   # options: {"settings": {"mode": "user"}}     (optional lint options, JSON)
 *   # scope: all                                   (compare every rule's findings, not only the listed ones)
 *   # kind: mine crontab                           (lint a file as this kind: crontab = a user crontab; see LintSource.kind)
 *   bad.service:3:1 syntax/invalid-line: Line 3 is neither ...
 *
 * A finding is `file:line:col[-endLine:endCol] rule-id: message`, the message
 * as unitlint prints it (a line break in it written as `\n`); the end is
 * compared only where the line gives one.
 *
 * When the fixture's findings have fixes, the fixed texts sit in folders next
 * to the inputs, each file under its own path, only the files a fix changes:
 *
 *   expect.fixed/bad.service          what `check --fix` writes (the safe fixes)
 *   expect.unsafe-fixed/bad.service   what `check --fix-unsafe` writes, when that differs from the above
 *
 * Both come from lintProject's fix loop, applying the fixes of the findings
 * in scope only; the loop must settle (fixes that undo each other fail the
 * fixture). A fixture whose fixes change nothing has neither folder.
 *
 * Without `scope: all`, only findings of rules named in the file (and of the
 * rule the folder is named after, `fixtures/<family>/<name>/`) are compared,
 * so a new rule elsewhere does not break unrelated fixtures.
 *
 * `UPDATE_FIXTURES=1 npx vitest run test/fixtures.test.ts` rewrites expect.txt
 * (keeping its comment lines and the ends it gives) and the fixed folders from
 * what unitlint does now; review the diff. It also reads finding lines without
 * the message, so a new fixture can list `file:line:col rule-id` and let it
 * fill in the rest.
 */
export interface Expectation {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  rule: string;
  message: string;
}

export interface Fixture {
  dir: string;
  name: string;
  sources: LintSource[];
  expectations: Expectation[];
  options: LintOptions;
  scopeAll: boolean;
  ownRule: string | null;
  /** Expected fixed texts by path: with the safe fixes, and with the unsafe ones too (only where they differ). */
  fixed: Map<string, string>;
  unsafeFixed: Map<string, string>;
}

/** The folders of expected fixed texts, by whether unsafe fixes are applied too. */
const FIXED_DIR = "expect.fixed";
const UNSAFE_FIXED_DIR = "expect.unsafe-fixed";

export const FIXTURES_ROOT = join(import.meta.dirname, "..", "..", "fixtures");

function walkFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== FIXED_DIR && name !== UNSAFE_FIXED_DIR) walkFiles(p, out);
    } else if (name !== "expect.txt" && name !== "README.md") out.push(p);
  }
  return out;
}

export function findFixtureDirs(root = FIXTURES_ROOT): string[] {
  const dirs: string[] = [];
  const visit = (d: string) => {
    if (existsSync(join(d, "expect.txt"))) dirs.push(d);
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory() && !name.endsWith(".d") && name !== FIXED_DIR && name !== UNSAFE_FIXED_DIR) visit(p);
    }
  };
  if (existsSync(root)) visit(root);
  return dirs;
}

const LINE_RE = /^(.+?):(\d+):(\d+)(?:-(\d+):(\d+))?\s+([^\s:]+)(:(?:\s(.*))?)?$/;

export function loadFixture(dir: string): Fixture {
  const rel = relative(FIXTURES_ROOT, dir).split(/[\\/]/);
  const ownRule = rel.length === 2 ? `${rel[0]}/${rel[1]}` : null;
  const expectations: Expectation[] = [];
  let options: LintOptions = {};
  let scopeAll = false;
  const kinds = new Map<string, LintSource["kind"]>();
  const lines = readFileSync(join(dir, "expect.txt"), "utf8").split("\n");
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === "") return;
    if (line.startsWith("#")) {
      const opt = line.match(/^#\s*options:\s*(.*)$/);
      if (opt) options = JSON.parse(opt[1]!) as LintOptions;
      if (/^#\s*scope:\s*all\s*$/.test(line)) scopeAll = true;
      const kind = line.match(/^#\s*kind:\s*(\S+)\s+(\S+)\s*$/);
      if (kind) kinds.set(kind[1]!, kind[2] as LintSource["kind"]);
      return;
    }
    const m = line.match(LINE_RE);
    // a line without its message is fine for UPDATE_FIXTURES=1 to fill in (a new fixture), and nowhere else
    if (!m || (m[7] === undefined && !process.env["UPDATE_FIXTURES"]))
      throw new Error(
        `${join(dir, "expect.txt")}:${i + 1}: cannot read '${line}' (want file:line:col[-line:col] rule-id: message; UPDATE_FIXTURES=1 fills in messages)`,
      );
    expectations.push({
      file: m[1]!,
      line: Number(m[2]),
      column: Number(m[3]),
      ...(m[4] ? { endLine: Number(m[4]), endColumn: Number(m[5]) } : {}),
      rule: m[6]!,
      message: m[8] ?? "",
    });
  });
  const sources: LintSource[] = walkFiles(dir).map((p) => {
    const path = relative(dir, p).split(sep).join("/");
    const kind = kinds.get(path);
    return { path, text: decodeLossless(readFileSync(p)).text, ...(kind ? { kind } : {}) };
  });
  return {
    dir,
    name: relative(FIXTURES_ROOT, dir),
    sources,
    expectations,
    options,
    scopeAll,
    ownRule,
    fixed: readTree(join(dir, FIXED_DIR)),
    unsafeFixed: readTree(join(dir, UNSAFE_FIXED_DIR)),
  };
}

/** The files under a folder by path relative to it ("/"-separated); empty when there is no folder. */
function readTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  if (existsSync(dir)) for (const p of walkFiles(dir)) out.set(relative(dir, p).split(sep).join("/"), readFileSync(p, "utf8"));
  return out;
}

export function formatExpectation(e: Expectation): string {
  const end = e.endLine !== undefined ? `-${e.endLine}:${e.endColumn}` : "";
  return `${e.file}:${e.line}:${e.column}${end} ${e.rule}: ${e.message.replace(/\n/g, "\\n")}`.trimEnd();
}

/** What a fixture's run gives, in the shape its expectations have. */
export interface Actual {
  /** expect.txt's finding lines, sorted, next to the expected ones. */
  actual: string[];
  expected: string[];
  /** The findings in scope, in the linter's order, with their expect.txt lines. */
  findings: Finding[];
  lines: string[];
  /** Fixed texts of the files a fix changes (the fixes of findings in scope), safe fixes only and with unsafe ones. */
  fixed: Map<string, string>;
  unsafeFixed: Map<string, string>;
}

/** Findings of a fixture, reduced to what its expect.txt can say, and its fixed texts. */
export function actualFor(fx: Fixture): Actual {
  const { findings } = lintSources(fx.sources, fx.options);
  const inScope = new Set(fx.expectations.map((e) => e.rule));
  if (fx.ownRule) inScope.add(fx.ownRule);
  const wanted = (f: Finding) => fx.scopeAll || inScope.has(f.rule);
  const relevant = findings.filter(wanted);
  const withEnd = new Set(fx.expectations.filter((e) => e.endLine !== undefined).map((e) => `${e.file}:${e.line}:${e.column} ${e.rule}`));
  const lines = relevant.map((f) => {
    const key = `${f.file}:${f.line}:${f.column} ${f.rule}`;
    const { file, line, column, rule, message } = f;
    return formatExpectation(
      withEnd.has(key) ? { file, line, column, endLine: f.endLine, endColumn: f.endColumn, rule, message } : { file, line, column, rule, message },
    );
  });
  const expected = fx.expectations.map(formatExpectation).sort();
  const fixed = relevant.some((f) => f.fix) ? fixedTexts(fx, wanted, false) : new Map<string, string>();
  const unsafe = relevant.some((f) => f.fix && !f.fix.safe) ? fixedTexts(fx, wanted, true) : fixed;
  const unsafeFixed = sameTexts(unsafe, fixed) ? new Map<string, string>() : unsafe;
  return { actual: [...lines].sort(), expected, findings: relevant, lines, fixed, unsafeFixed };
}

/** The texts `check --fix` (or `--fix-unsafe`) writes: the fix loop on every file, with the fixes of the findings in scope. */
function fixedTexts(fx: Fixture, include: (f: Finding) => boolean, unsafe: boolean): Map<string, string> {
  const files = new Set(fx.sources.map((s) => s.path));
  const { fixed } = lintProject(fx.sources, { ...fx.options, fix: { files, unsafe, include } });
  if (!fixed!.converged) throw new Error(`${fx.name}: the fixes${unsafe ? " (unsafe included)" : ""} kept changing the text for ${fixed!.passes} rounds`);
  return new Map([...fixed!.changed].sort(([a], [b]) => (a < b ? -1 : 1)));
}

function sameTexts(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}

/** UPDATE_FIXTURES=1 rewrites expect.txt and the fixed folders from what unitlint does now (review the diff!). */
export function updateFixture(fx: Fixture): void {
  const { lines, fixed, unsafeFixed } = actualFor(fx);
  // Each finding line the file has is replaced by the run's line at the same place (comments and order stay);
  // lines of findings that are gone go, new ones are added at the end.
  const waiting = new Map<string, string[]>();
  for (const l of lines) waiting.set(locationKey(l), [...(waiting.get(locationKey(l)) ?? []), l]);
  const out: string[] = [];
  for (const raw of readFileSync(join(fx.dir, "expect.txt"), "utf8").replace(/\n$/, "").split("\n")) {
    if (!LINE_RE.test(raw.trim()) || raw.trim().startsWith("#")) {
      out.push(raw);
      continue;
    }
    const now = waiting.get(locationKey(raw.trim()))?.shift();
    if (now !== undefined) out.push(now);
  }
  for (const rest of waiting.values()) out.push(...rest);
  writeFileSync(join(fx.dir, "expect.txt"), out.join("\n") + "\n");
  writeTree(join(fx.dir, FIXED_DIR), fixed);
  writeTree(join(fx.dir, UNSAFE_FIXED_DIR), unsafeFixed);
}

/** A finding line without its message: where and which rule. */
function locationKey(line: string): string {
  const m = line.match(LINE_RE)!;
  return `${m[1]}:${m[2]}:${m[3]}${m[4] ? `-${m[4]}:${m[5]}` : ""} ${m[6]}`;
}

function writeTree(dir: string, texts: Map<string, string>): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of texts) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}
