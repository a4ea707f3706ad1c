import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintSources } from "../../src/linter/lint.js";
import { allRules } from "../../src/rules/registry.js";
import { FIXTURES_ROOT, findFixtureDirs, loadFixture } from "../helpers/fixtures.js";

const ROOT = join(import.meta.dirname, "..", "..");

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) filesUnder(p, out);
    else if (p.endsWith(".ts")) out.push(p);
  }
  return out;
}

const testText = filesUnder(join(ROOT, "test"))
  .filter((p) => !p.endsWith("meta.test.ts"))
  .map((p) => readFileSync(p, "utf8"))
  .join("\n");
const fixtureRules = new Set(findFixtureDirs().flatMap((d) => loadFixture(d).expectations.map((e) => e.rule)));

describe("rule registry", () => {
  it("ids are unique and shaped family/name", () => {
    const ids = allRules.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of allRules) {
      expect(r.meta.id).toMatch(/^[a-z]+\/[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(r.meta.id.split("/")[0]).toBe(r.meta.family);
    }
  });

  it("every rule module file is registered, and every registered rule has a file", () => {
    const files = filesUnder(join(ROOT, "src", "rules"))
      .filter((p) => !/[\\/](index|types|registry|define-rule)\.ts$/.test(p) && !/[\\/]_|helper|util|shared/.test(p))
      .map((p) =>
        p
          .slice(join(ROOT, "src", "rules").length + 1)
          .replace(/\.ts$/, "")
          .split(/[\\/]/)
          .join("/"),
      );
    const ids = new Set(allRules.map((r) => r.meta.id));
    for (const f of files)
      if (f.split("/").length === 2 && !ids.has(f))
        expect.soft(ids.has(f), `src/rules/${f}.ts is not registered (or not a rule: name helpers *-helper.ts / *-util.ts / *-shared.ts)`).toBe(true);
    for (const id of ids) expect.soft(existsSync(join(ROOT, "src", "rules", id + ".ts")), `rule ${id} should live in src/rules/${id}.ts`).toBe(true);
  });

  for (const rule of allRules) {
    const { id } = rule.meta;
    describe(id, () => {
      it("has docs with a bad and a good example", () => {
        const d = rule.meta.docs;
        expect(d.summary.length).toBeGreaterThan(10);
        expect(d.rationale.length).toBeGreaterThan(10);
        // loading/empty-unit is about a file of zero bytes
        if (id !== "loading/empty-unit") expect(d.bad.text.length).toBeGreaterThan(0);
        expect(d.good.text.length).toBeGreaterThan(0);
        expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
      });

      it("its bad example triggers it and its good example does not", () => {
        const opts = { rules: { [id]: rule.meta.severity === "off" ? ("warning" as const) : rule.meta.severity } };
        const files = (ex: typeof rule.meta.docs.bad) => [ex, ...(ex.extra ?? [])].map((x) => ({ path: x.filename, text: x.text }));
        const bad = lintSources(files(rule.meta.docs.bad), opts).findings.filter((f) => f.rule === id);
        const good = lintSources(files(rule.meta.docs.good), opts).findings.filter((f) => f.rule === id);
        // line-too-long's doc example is abbreviated (a megabyte does not fit in docs)
        if (id !== "syntax/line-too-long") expect(bad.length, "bad example should trigger").toBeGreaterThan(0);
        expect(
          good.map((f) => f.message),
          "good example should be clean",
        ).toEqual([]);
      });

      it("has a fixture that expects it", () => {
        expect(fixtureRules.has(id), `no fixture under ${FIXTURES_ROOT} lists ${id} in an expect.txt`).toBe(true);
      });

      it("is named in a test", () => {
        const word = new RegExp(`(^|[^a-z0-9/-])${id.replace(/[/-]/g, "\\$&")}($|[^a-z0-9-])`);
        expect(word.test(testText), `no test mentions "${id}"`).toBe(true);
      });
    });
  }
});
