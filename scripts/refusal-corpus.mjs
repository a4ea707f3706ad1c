#!/usr/bin/env node
// Which units of a folder does systemd 252 refuse to load, and does unitlint
// report an error for each of them (and for no other)? Needs `npm run build`
// (dist/) and systemd-analyze. Usage:
//   node scripts/refusal-corpus.mjs [--fuzz] DIR...
// Every unit file at the top of DIR (with its NAME.d/ drop-ins) is judged by one
// `systemd-analyze verify --man=no` call and by unitlint alone. With --fuzz the
// files are systemd's fuzzer inputs, whose first line names the unit type.
// Templates (name@.type) are left out: verify cannot load them.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

const require = createRequire(import.meta.url);
const { lintSources } = require("../dist/lib/index.js");

const TYPES = ["service", "socket", "target", "device", "mount", "automount", "swap", "timer", "path", "slice", "scope"];
const args = process.argv.slice(2);
const fuzz = args[0] === "--fuzz";
const dirs = fuzz ? args.slice(1) : args;

/** systemd's verdict on one unit of a batch: the load failed or the unit was refused. */
function refusedBySystemd(out, name) {
  const n = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^(Unit ${n} (has a bad unit file setting|failed to load properly|is masked|not found)\\b|${n}: .*(Refusing|not loading))`, "m").test(out);
}

const totals = { units: 0, refused: 0, caught: 0, caughtNames: [], missed: [], extra: [], lines: 0, linesCovered: 0, linesMissed: [], linesExtra: [] };

/** The lines verify logs something about, per unit file of the batch: `/work/dir/NAME:LINE: message`. */
function flaggedLines(out, work) {
  const byUnit = new Map();
  for (const m of out.matchAll(/^(\/[^:\n]+):(\d+): (.*)$/gm)) {
    if (!m[1].startsWith(work + "/")) continue;
    const u = m[1].slice(work.length + 1);
    if (!byUnit.has(u)) byUnit.set(u, new Map());
    byUnit.get(u).set(Number(m[2]), m[3]);
  }
  return byUnit;
}
for (const dir of dirs) {
  const work = mkdtempSync(join(tmpdir(), "refusal-corpus-"));
  const units = [];
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (fuzz) {
      if (!statSync(p).isFile()) continue;
      const raw = readFileSync(p, "latin1");
      const nl = raw.indexOf("\n");
      const type = raw.slice(0, nl < 0 ? raw.length : nl).trim();
      if (!TYPES.includes(type)) continue;
      // keep a real unit name (the name matters to mount, automount and swap units)
      const name = f.endsWith(`.${type}`) ? f : `${f.replace(/[^A-Za-z0-9_.-]/g, "_")}.${type}`;
      writeFileSync(join(work, name), Buffer.from(raw.slice(nl + 1), "latin1"));
      units.push(name);
      continue;
    }
    if (statSync(p).isDirectory()) {
      if (f.endsWith(".d")) cpSync(p, join(work, f), { recursive: true });
      continue;
    }
    const type = f.slice(f.lastIndexOf(".") + 1);
    if (!TYPES.includes(type) || f.includes("@.")) continue;
    cpSync(p, join(work, f));
    units.push(f);
  }
  const r = spawnSync("systemd-analyze", ["verify", "--man=no", ...units.map((u) => join(work, u))], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
    timeout: 120_000,
  });
  const out = `${r.stdout}\n${r.stderr}`;
  const flagged = flaggedLines(out, work);
  for (const u of units) {
    const sources = [{ path: u, text: "" }];
    const dropDir = join(work, `${u}.d`);
    if (existsSync(dropDir))
      for (const d of readdirSync(dropDir)) if (d.endsWith(".conf")) sources.push({ path: `${u}.d/${d}`, text: readFileSync(join(dropDir, d), "utf8") });
    // read as UTF-8 where it is, so invalid bytes reach the linter as lone surrogates like the CLI does
    const bytes = readFileSync(join(work, u));
    const utf8 = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
    sources[0].text = utf8.includes("\ufffd") ? bytes.toString("latin1").replace(/[\x80-\xff]/g, "\udcff") : utf8;
    let errors;
    let findings;
    try {
      // the judge is systemd 252: lint for that target (settings newer than 252 are then reported)
      findings = lintSources(sources, { settings: { targetSystemd: [252] } }).findings.filter((f) => f.file === u);
      errors = findings.filter((f) => f.severity === "error");
    } catch (e) {
      findings = errors = [{ rule: `(threw: ${e.message})` }];
    }
    // line by line: every line verify logs has a finding of unitlint's there; an error of unitlint's on a line verify
    // says nothing about is listed (only for units verify loads: it stops reading a file at a fatal line)
    const lines = flagged.get(u) ?? new Map();
    for (const [line, text] of lines) {
      totals.lines++;
      if (findings.some((f) => f.line === line)) totals.linesCovered++;
      else totals.linesMissed.push(`${basename(dir)}/${u}:${line}: ${text}`);
    }
    const systemd = refusedBySystemd(out, u);
    totals.units++;
    if (systemd) totals.refused++;
    if (systemd && errors.length > 0) {
      totals.caught++;
      totals.caughtNames.push(`${basename(dir)}/${u}: ${[...new Set(errors.map((e) => e.rule))].join(", ")}`);
    }
    const why = out
      .split("\n")
      .filter((l) => l.includes(u) || l.includes(`/${u}:`))
      .slice(0, 2)
      .join(" | ");
    if (systemd && errors.length === 0) totals.missed.push(`${basename(dir)}/${u}: ${why}`);
    if (!systemd)
      for (const e of errors)
        if (e.line !== undefined && !lines.has(e.line)) totals.linesExtra.push(`${basename(dir)}/${u}:${e.line}: ${e.rule}: ${e.message}`);
    if (!systemd && errors.length > 0) totals.extra.push(`${basename(dir)}/${u}: ${[...new Set(errors.map((e) => e.rule))].join(", ")}`);
  }
  rmSync(work, { recursive: true, force: true });
}
console.log(`units: ${totals.units}, refused by systemd-analyze verify: ${totals.refused}, of which unitlint reports an error for: ${totals.caught}`);
console.log(`\nrefused, and a unitlint error (${totals.caught}):\n${totals.caughtNames.join("\n")}`);
console.log(`\nrefused, but no unitlint error (${totals.missed.length}):\n${totals.missed.join("\n")}`);
console.log(`\naccepted by systemd, but a unitlint error (${totals.extra.length}):\n${totals.extra.join("\n")}`);
console.log(`\nlines verify logs: ${totals.lines}, with a unitlint finding on the line: ${totals.linesCovered}`);
console.log(`\nlogged by verify, no unitlint finding on the line (${totals.linesMissed.length}):\n${totals.linesMissed.join("\n")}`);
console.log(`\nunitlint error on a line verify says nothing about, unit loaded (${totals.linesExtra.length}):\n${totals.linesExtra.join("\n")}`);
