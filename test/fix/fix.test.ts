import { spawnSync } from "node:child_process";
import { chmodSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unifiedDiff } from "../../src/fix/diff.js";
import { lintSources } from "../../src/linter/lint.js";
import { parseUnitFile, printUnitFile } from "../../src/parser/unit/index.js";
import { allRules } from "../../src/rules/registry.js";
import { applyFixes } from "../../src/fix/fix.js";
import { ensureBin, run, tempDir } from "../helpers/cli.js";

const hasPatch = spawnSync("patch", ["--version"]).status === 0;

// Lines with safe fixes, lines with unsafe ones, and lines no rule touches.
const LINES = [
  "Restartsec=5",
  "StandardOutput=syslog",
  "StandardError=syslog+console",
  "MemoryLimit=1G",
  "ExecStart=/usr/bin/app",
  "# a comment that must survive",
  "User=app",
  "Environment=A=1",
  "",
];

const unit = fc
  .tuple(fc.array(fc.constantFrom(...LINES), { maxLength: 12 }), fc.constantFrom("\n", "\r\n"), fc.boolean())
  .map(
    ([lines, eol, after]) => `[Unit]\n${after ? "After=syslog.target network.target" + eol : ""}BindTo=db.service${eol}[Service]${eol}${lines.join(eol)}${eol}`,
  );

describe("fixes", () => {
  it("are idempotent and keep every line they do not fix (property)", () => {
    fc.assert(
      fc.property(unit, fc.boolean(), (text, unsafe) => {
        const once = applyFixes([{ path: "a.service", text }], new Set(["a.service"]), {}, { unsafe });
        const fixed = once.changed.get("a.service") ?? text;
        const twice = applyFixes([{ path: "a.service", text: fixed }], new Set(["a.service"]), {}, { unsafe });
        expect(twice.changed.size).toBe(0);
        // untouched lines survive byte for byte
        for (const l of ["# a comment that must survive", "User=app", "Environment=A=1", "ExecStart=/usr/bin/app"]) {
          expect(fixed.split(l).length).toBe(text.split(l).length);
        }
        if (!unsafe) expect(fixed.split("MemoryLimit=1G").length).toBe(text.split("MemoryLimit=1G").length);
      }),
      { numRuns: 200 },
    );
  });

  it("print as a unified diff", () => {
    expect(unifiedDiff("a.service", "[Service]\nRestartsec=5\nUser=x\n", "[Service]\nRestartSec=5\nUser=x\n")).toBe(
      "--- a/a.service\n+++ b/a.service\n@@ -1,3 +1,3 @@\n [Service]\n-Restartsec=5\n+RestartSec=5\n User=x\n",
    );
    expect(unifiedDiff("a", "x", "x\n")).toBe("--- a/a\n+++ b/a\n@@ -1 +1 @@\n-x\n\\ No newline at end of file\n+x\n");
    expect(unifiedDiff("a", "", "x\n")).toBe("--- a/a\n+++ b/a\n@@ -0,0 +1 @@\n+x\n");
    expect(unifiedDiff("a", "same\n", "same\n")).toBe("");
  });

  // GNU patch is the oracle: applying the diff to the old text must give the new one.
  it.skipIf(!hasPatch)("that GNU patch applies to give exactly the fixed text (property)", () => {
    const dir = tempDir();
    const line = fc.constantFrom("[Service]", "A=1", "B=2", "", "# c", "X=\r", "é=ü");
    const text = fc.tuple(fc.array(line, { maxLength: 14 }), fc.boolean()).map(([ls, eol]) => ls.join("\n") + (eol && ls.length ? "\n" : ""));
    fc.assert(
      fc.property(text, text, fc.nat(5), (before, after, context) => {
        const p = join(dir, "u.service");
        writeFileSync(p, before);
        const diff = unifiedDiff("u.service", before, after, context);
        if (before === after) {
          expect(diff).toBe("");
          return;
        }
        const r = spawnSync("patch", ["-s", "-p1", "--no-backup-if-mismatch", "-d", dir], { input: diff, encoding: "utf8" });
        expect(r.status, `${r.stdout}${r.stderr}\n${diff}`).toBe(0);
        expect(readFileSync(p, "utf8")).toBe(after);
      }),
      { numRuns: 60 },
    );
  });

  it("of a large file are quick and small", () => {
    const lines = Array.from({ length: 20000 }, (_, i) => `Environment=V${i}=${i}`);
    const before = `[Service]\n${lines.join("\n")}\nRestartsec=5\n`;
    const t = performance.now();
    const diff = unifiedDiff("big.service", before, before.replace("Restartsec", "RestartSec"));
    expect(performance.now() - t).toBeLessThan(500);
    // headers, hunk header, three lines of context before, the change, and the final newline
    expect(diff.split("\n").length).toBe(2 + 1 + 3 + 2 + 1);
  });

  it("unitlint check --fix writes atomically, keeps the mode and invalid bytes, and a second run changes nothing", () => {
    ensureBin();
    const dir = tempDir();
    const p = join(dir, "a.service");
    writeFileSync(
      p,
      Buffer.concat([Buffer.from("[Unit]\n# caf"), Buffer.from([0xe9]), Buffer.from("\nBindTo=db.service\n[Service]\nRestartsec=5\nExecStart=/bin/a\n")]),
    );
    chmodSync(p, 0o640);
    const dry = run(["check", "--fix-dry-run", "a.service"], { cwd: dir });
    expect(dry.stdout).toContain("-Restartsec=5\n+RestartSec=5");
    expect(readFileSync(p, "latin1")).toContain("Restartsec");
    run(["check", "--fix", "a.service"], { cwd: dir });
    const after = readFileSync(p);
    expect(after.includes(Buffer.from([0xe9]))).toBe(true);
    expect(after.toString("latin1")).toContain("BindsTo=db.service\n[Service]\nRestartSec=5\n");
    expect(statSync(p).mode & 0o777).toBe(0o640);
    run(["check", "--fix", "a.service"], { cwd: dir });
    expect(readFileSync(p).equals(after)).toBe(true);
  });
});

describe("every fixable rule", () => {
  // Each rule that declares a fix proves it on its own doc example: the fix removes the finding,
  // keeps the file parseable, and a second round changes nothing.
  for (const rule of allRules.filter((r) => r.meta.fixable !== "none")) {
    it(`${rule.meta.id}: its fix converges on the bad example`, (ctx) => {
      const bad = [rule.meta.docs.bad, ...(rule.meta.docs.bad.extra ?? [])].map((x) => ({ path: x.filename, text: x.text }));
      const opts = { rules: { [rule.meta.id]: rule.meta.severity === "off" ? ("warning" as const) : rule.meta.severity } };
      const before = lintSources(bad, opts).findings.filter((f) => f.rule === rule.meta.id);
      const withFix = before.filter((f) => f.fix);
      // Skipped (not passed) when the doc example shows a variant without an automatic fix; the fix is then tested elsewhere.
      if (withFix.length === 0) ctx.skip();
      const once = applyFixes(bad, new Set(bad.map((b) => b.path)), opts, { unsafe: true });
      const fixed = bad.map((b) => ({ ...b, text: once.changed.get(b.path) ?? b.text }));
      const after = lintSources(fixed, opts).findings.filter((f) => f.rule === rule.meta.id);
      expect(after.length).toBeLessThan(before.length);
      expect(applyFixes(fixed, new Set(bad.map((b) => b.path)), opts, { unsafe: true }).changed.size).toBe(0);
      for (const f of fixed) expect(printUnitFile(parseUnitFile(f.text).ast)).toBe(f.text);
    });
  }
});
