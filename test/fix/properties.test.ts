import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyFixes } from "../../src/fix/fix.js";
import type { LintOptions, LintSource } from "../../src/linter/lint.js";
import { allRules } from "../../src/rules/registry.js";

// The fixable findings come from every fixable rule's own bad example; unrelated comment
// lines (any Unicode, invalid UTF-8 bytes kept as lone surrogates) are woven in between its lines.
interface Case {
  name: string;
  rule: string;
  file: { filename: string; text: string };
  extra: LintSource[];
}
const fixableRules = allRules.filter((r) => r.meta.fixable !== "none" && !r.meta.docs.bad.filename.endsWith(".json"));
const cases: Case[] = fixableRules
  // an example showing a variant without an automatic fix gets a case of its own below
  .filter((r) => r.meta.id !== "values/invalid-value")
  .map((r) => ({
    name: `${r.meta.id} (doc example)`,
    rule: r.meta.id,
    file: r.meta.docs.bad,
    extra: (r.meta.docs.bad.extra ?? []).map((x) => ({ path: x.filename, text: x.text })),
  }));
// Fixes the doc examples do not show, and several fixes in one file.
cases.push(
  {
    name: "values/invalid-value (cron line in OnCalendar=)",
    rule: "values/invalid-value",
    file: { filename: "a.timer", text: "[Timer]\nOnCalendar=*/5 * * * *\n\n[Install]\nWantedBy=timers.target\n" },
    extra: [{ path: "a.service", text: "[Service]\nExecStart=/bin/a\n" }],
  },
  {
    name: "several rules in one file",
    rule: "",
    file: {
      filename: "b.service",
      text: "[Unit]\nAfter=syslog.target network.target\nBindTo=db.service\n\n[Service]\nRestartsec=5\nStandardOutput=syslog\nMemoryLimit=1G\nExecStart=/bin/b | tee %q\n",
    },
    extra: [],
  },
);

const noiseText = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom("a", " ", "\t", "=", "[", "%", "é", "\\"),
      fc.constantFrom("\udc80", "\udcff", "😀"),
      fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
    ),
    maxLength: 30,
  })
  .filter((s) => !/[\n\r\u0000]/.test(s) && !s.endsWith("\\") && !s.includes("unitlint"));
const noiseLine = fc.tuple(fc.constantFrom("#", ";", "  #"), noiseText).map(([c, s]) => `${c} ${s}`);

/** Lines of a text with their endings. */
const linesOf = (text: string) => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];

function weave(text: string, noise: string[], seed: number): { text: string; inserted: string[] } {
  const lines = linesOf(text);
  const inserted: string[] = [];
  const out: string[] = [lines[0] ?? ""];
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  let k = seed;
  for (let i = 1; i <= lines.length; i++) {
    const prev = out[out.length - 1]!;
    // never inside a continued setting, and only after a line that has its line ending
    if (prev.endsWith("\n") && !/\\\r?\n$/.test(prev) && noise.length > 0 && k++ % 2 === 0) {
      const n = noise.shift()! + eol;
      inserted.push(n);
      out.push(n);
    }
    if (i < lines.length) out.push(lines[i]!);
  }
  return { text: out.join(""), inserted };
}

function without(text: string, inserted: string[]): string {
  const rest = [...inserted];
  return linesOf(text)
    .filter((l) => {
      if (l === rest[0]) {
        rest.shift();
        return false;
      }
      return true;
    })
    .join("");
}

describe("--fix over every fixable rule's findings (property)", () => {
  it("covers every fixable rule (JSON job files have no comments to weave in)", () => {
    expect(fixableRules.map((r) => r.meta.id).filter((id) => !cases.some((c) => c.rule === id))).toEqual([]);
  });

  for (const { name, rule, file: bad, extra } of cases) {
    const opts: LintOptions = rule ? { rules: { [rule]: "warning" } } : {};
    const fix = (text: string, unsafe: boolean) => {
      const sources = [{ path: bad.filename, text }, ...extra];
      return applyFixes(sources, new Set([bad.filename]), opts, { unsafe });
    };

    it(`${name}: a second fix changes nothing, and every line the fix does not touch is kept byte for byte`, () => {
      expect(fix(bad.text, true).changed.size, "the example has something to fix").toBe(1);
      fc.assert(
        fc.property(fc.array(noiseLine, { maxLength: 6 }), fc.nat(), fc.boolean(), fc.boolean(), (noise, seed, unsafe, crlf) => {
          const base = crlf ? bad.text.replace(/\r?\n/g, "\r\n") : bad.text;
          const { text, inserted } = weave(base, noise, seed);
          const once = fix(text, unsafe);
          expect(once.converged).toBe(true);
          const fixed = once.changed.get(bad.filename) ?? text;
          // idempotent
          expect(fix(fixed, unsafe).changed.size).toBe(0);
          // the woven-in lines survive unchanged and in order, and the fix did to the rest exactly what it does without them
          expect(without(fixed, inserted).length).toBe(fixed.length - inserted.join("").length);
          const plain = fix(base, unsafe);
          expect(without(fixed, inserted)).toBe(plain.changed.get(bad.filename) ?? base);
        }),
        { numRuns: 40 },
      );
    });
  }
});
