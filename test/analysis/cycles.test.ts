import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lintSources } from "../../src/linter/lint.js";

function units(n: number, edges: [number, number][]) {
  const after = new Map<number, number[]>();
  for (const [a, b] of edges) after.set(a, [...(after.get(a) ?? []), b]);
  return Array.from({ length: n }, (_, i) => ({
    path: `u${i}.service`,
    text: `[Unit]\n${(after.get(i) ?? []).map((b) => `After=u${b}.service\n`).join("")}[Service]\nExecStart=/bin/true\n`,
  }));
}
const cycles = (sources: { path: string; text: string }[]) => lintSources(sources).findings.filter((f) => f.rule === "dependencies/ordering-cycle");

describe("dependencies/ordering-cycle", () => {
  const dag = fc.integer({ min: 2, max: 12 }).chain((n) =>
    fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })), { maxLength: 30 }).map((pairs) => ({
      n,
      // only edges from a higher to a lower index: acyclic by construction
      edges: pairs.filter(([a, b]) => a > b).map(([a, b]) => [a, b] as [number, number]),
    })),
  );

  it("a set built from random acyclic orderings reports no cycle", () => {
    fc.assert(
      fc.property(dag, ({ n, edges }) => void expect(cycles(units(n, edges))).toEqual([])),
      { numRuns: 150 },
    );
  });

  it("adding one back edge reports exactly the cycle it closes, once", () => {
    fc.assert(
      fc.property(dag, fc.integer({ min: 0, max: 1000 }), ({ n, edges }, pick) => {
        // a chain path a → ... → b in the DAG exists when we add it ourselves
        const a = n - 1;
        const b = pick % (n - 1);
        const all = [...edges, [a, b] as [number, number], [b, a] as [number, number]];
        const found = cycles(units(n, all));
        expect(found).toHaveLength(1);
        expect(found[0]!.message).toMatch(new RegExp(`u(${a}|${b})\\.service → u(${a}|${b})\\.service → u(${a}|${b})\\.service`));
      }),
      { numRuns: 150 },
    );
  });

  it("names every edge of a longer cycle with its file and line", () => {
    const f = cycles(
      units(3, [
        [0, 1],
        [1, 2],
        [2, 0],
      ]),
    );
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain("u0.service → u1.service → u2.service → u0.service");
    expect(f[0]!.related?.map((r) => `${r.file}:${r.line}`)).toEqual(["u1.service:2", "u2.service:2"]);
  });
});
