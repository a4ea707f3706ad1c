import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { decodeLossless } from "../../src/core/bytes.js";
import type { Finding } from "../../src/core/diagnostic.js";
import { lintSources, type LintOptions, type LintSource } from "../../src/linter/lint.js";

/**
 * A fixture is a folder under fixtures/ holding unit files (and drop-in
 * folders) plus `expect.txt`:
 *
 *   # options: {"settings": {"mode": "user"}}     (optional lint options, JSON)
 *   # scope: all                                   (compare every rule's findings, not only the listed ones)
 *   # kind: mine crontab                           (lint a file as this kind: crontab = a user crontab; see LintSource.kind)
 *   bad.service:3:1 syntax/invalid-line            (file:line:col[-endLine:endCol] rule-id)
 *
 * Without `scope: all`, only findings of rules named in the file (and of the
 * rule the folder is named after, `fixtures/<family>/<name>/`) are compared,
 * so a new rule elsewhere does not break unrelated fixtures.
 */
export interface Expectation {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  rule: string;
}

export interface Fixture {
  dir: string;
  name: string;
  sources: LintSource[];
  expectations: Expectation[];
  options: LintOptions;
  scopeAll: boolean;
  ownRule: string | null;
}

export const FIXTURES_ROOT = join(import.meta.dirname, "..", "..", "fixtures");

function walkFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walkFiles(p, out);
    else if (name !== "expect.txt" && name !== "README.md") out.push(p);
  }
  return out;
}

export function findFixtureDirs(root = FIXTURES_ROOT): string[] {
  const dirs: string[] = [];
  const visit = (d: string) => {
    if (existsSync(join(d, "expect.txt"))) dirs.push(d);
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory() && !name.endsWith(".d")) visit(p);
    }
  };
  if (existsSync(root)) visit(root);
  return dirs;
}

const LINE_RE = /^(.+?):(\d+):(\d+)(?:-(\d+):(\d+))?\s+(\S+)\s*$/;

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
    if (!m) throw new Error(`${join(dir, "expect.txt")}:${i + 1}: cannot read '${line}' (want file:line:col[-line:col] rule-id)`);
    expectations.push({
      file: m[1]!,
      line: Number(m[2]),
      column: Number(m[3]),
      ...(m[4] ? { endLine: Number(m[4]), endColumn: Number(m[5]) } : {}),
      rule: m[6]!,
    });
  });
  const sources: LintSource[] = walkFiles(dir).map((p) => {
    const path = relative(dir, p).split(sep).join("/");
    const kind = kinds.get(path);
    return { path, text: decodeLossless(readFileSync(p)).text, ...(kind ? { kind } : {}) };
  });
  return { dir, name: relative(FIXTURES_ROOT, dir), sources, expectations, options, scopeAll, ownRule };
}

export function formatExpectation(e: Expectation): string {
  const end = e.endLine !== undefined ? `-${e.endLine}:${e.endColumn}` : "";
  return `${e.file}:${e.line}:${e.column}${end} ${e.rule}`;
}

/** Findings of a fixture, reduced to what its expect.txt can say, in the same order. */
export function actualFor(fx: Fixture): { actual: string[]; expected: string[]; findings: Finding[] } {
  const { findings } = lintSources(fx.sources, fx.options);
  const inScope = new Set(fx.expectations.map((e) => e.rule));
  if (fx.ownRule) inScope.add(fx.ownRule);
  const relevant = findings.filter((f) => fx.scopeAll || inScope.has(f.rule));
  const withEnd = new Set(fx.expectations.filter((e) => e.endLine !== undefined).map((e) => `${e.file}:${e.line}:${e.column} ${e.rule}`));
  const actual = relevant
    .map((f) => {
      const key = `${f.file}:${f.line}:${f.column} ${f.rule}`;
      return withEnd.has(key) ? formatExpectation({ ...f, endLine: f.endLine, endColumn: f.endColumn }) : formatExpectation({ file: f.file, line: f.line, column: f.column, rule: f.rule });
    })
    .sort();
  const expected = fx.expectations.map(formatExpectation).sort();
  return { actual, expected, findings: relevant };
}

/** UPDATE_FIXTURES=1 rewrites expect.txt from what unitlint finds now (review the diff!). */
export function updateFixture(fx: Fixture): void {
  const { findings } = actualFor({ ...fx, scopeAll: fx.scopeAll });
  const header = readFileSync(join(fx.dir, "expect.txt"), "utf8")
    .split("\n")
    .filter((l) => l.trim().startsWith("#"));
  const body = findings.map((f) => formatExpectation({ file: f.file, line: f.line, column: f.column, rule: f.rule }));
  writeFileSync(join(fx.dir, "expect.txt"), [...header, ...body].join("\n") + "\n");
}
