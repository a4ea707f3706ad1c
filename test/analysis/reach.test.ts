import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reachability } from "../../src/analysis/reach.js";

/** Plain breadth-first search: whether `to` is reached from `from` by at least one edge. */
function bfs(out: Map<string, Set<string>>, from: string, to: string): boolean {
  const seen = new Set<string>();
  const queue = [...(out.get(from) ?? [])];
  while (queue.length) {
    const n = queue.shift()!;
    if (n === to) return true;
    if (seen.has(n)) continue;
    seen.add(n);
    queue.push(...(out.get(n) ?? []));
  }
  return false;
}

function graph(edges: [number, number][]) {
  const out = new Map<string, Set<string>>();
  const into = new Map<string, Set<string>>();
  for (const [a, b] of edges) {
    const [x, y] = [`n${a}`, `n${b}`];
    if (!out.has(x)) out.set(x, new Set());
    if (!into.has(y)) into.set(y, new Set());
    out.get(x)!.add(y);
    into.get(y)!.add(x);
  }
  return { out, into };
}

describe("reachability (component levels bound both searches)", () => {
  it("answers as a plain search does, on random graphs with cycles, self-loops and lone nodes", () => {
    const edge = (n: number) => fc.tuple(fc.nat(n), fc.nat(n));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }).chain((n) => fc.tuple(fc.constant(n), fc.array(edge(n), { maxLength: 3 * n }))),
        ([n, edges]) => {
          const { out, into } = graph(edges);
          const reach = reachability(out, into);
          for (let a = 0; a <= n + 1; a++) for (let b = 0; b <= n + 1; b++) expect(reach(`n${a}`, `n${b}`), `n${a} -> n${b}`).toBe(bfs(out, `n${a}`, `n${b}`));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("answers a 'no' between two well-connected units without walking the set", () => {
    // As in a large set: every service starts after basic.target, which starts after sockets.target and so after
    // every socket; 2,000 clients start after hub.service, so what starts after the hub is large as well. Whether
    // another service starts after the hub: a plain search from both ends walks thousands of nodes per question.
    let visits = 0;
    class Counting extends Map<string, Set<string>> {
      override get(key: string) {
        visits++;
        return super.get(key);
      }
    }
    const out = new Counting();
    const into = new Counting();
    const edge = (a: string, b: string) => {
      (out.has(a) ? out : out.set(a, new Set())).get(a)!.add(b);
      (into.has(b) ? into : into.set(b, new Set())).get(b)!.add(a);
    };
    edge("basic.target", "sockets.target");
    edge("basic.target", "sysinit.target");
    edge("hub.service", "basic.target");
    for (let i = 0; i < 2000; i++) {
      edge("sockets.target", `s${i}.socket`);
      edge(`s${i}.socket`, "sysinit.target");
      edge(`client${i}.service`, "hub.service");
      edge(`other${i}.service`, "basic.target");
    }
    const reach = reachability(out, into);
    visits = 0;
    for (let i = 0; i < 2000; i++) expect(reach(`other${i}.service`, "hub.service")).toBe(false);
    expect(visits).toBeLessThan(10 * 2000);
    expect(reach("client7.service", "s9.socket")).toBe(true);
    expect(reach("s9.socket", "client7.service")).toBe(false);
  });
});
