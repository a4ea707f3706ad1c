import { stronglyConnectedComponents } from "./scc.js";

/** Anything with a direction: graph edges, ordering edges. */
interface Arc {
  from: string;
  to: string;
}

/**
 * Ordering cycles, each once, as lists of edges. The shortest cycle of each
 * strongly connected component is taken (turned by `orient` to start at the
 * edge to report it on) and its edges removed; the rest is searched again, so
 * two cycles that only share units (two services both ordered before
 * sysinit.target) are both found, as systemd finds each of them.
 */
export function orderingCycles<E extends Arc>(edges: readonly E[], orient: (cycle: E[]) => E[] = (c) => c, limit = 100): E[][] {
  const found: E[][] = [];
  let rest = edges;
  while (found.length < limit) {
    const comps = componentCycles(rest);
    const cycles = comps.map((c) => orient(c.cycle));
    if (!cycles.length) break;
    found.push(...cycles.slice(0, limit - found.length));
    // A reported cycle's orderings go (with any other line stating the same one), so cycles that
    // share one of them are not reported again; a cycle elsewhere in the component still is.
    // Taking edges away only splits components: the next round searches the cyclic ones alone.
    const reported = new Set(cycles.flatMap((c) => c.map((e) => `${e.from}\u0000${e.to}`)));
    const cyclic = new Set(comps.flatMap((c) => c.nodes));
    rest = rest.filter((e) => cyclic.has(e.from) && cyclic.has(e.to) && !reported.has(`${e.from}\u0000${e.to}`));
  }
  return found;
}

/** One shortest cycle per strongly connected component with more than one unit (or a unit after itself). */
function componentCycles<E extends Arc>(edges: readonly E[]): { nodes: string[]; cycle: E[] }[] {
  const out = new Map<string, E[]>();
  for (const e of edges) {
    let list = out.get(e.from);
    if (!list) out.set(e.from, (list = []));
    list.push(e);
  }
  const nodes = [...new Set(edges.flatMap((e) => [e.from, e.to]))].sort();
  const sccs = stronglyConnectedComponents(nodes, (n) => (out.get(n) ?? []).map((e) => e.to))
    .filter((comp) => comp.length > 1 || (out.get(comp[0]!) ?? []).some((e) => e.to === comp[0]))
    .map((comp) => comp.sort());
  return sccs.map((comp) => ({ nodes: comp, cycle: shortestCycle(comp, out) }));
}

/** The shortest cycle of a component (the first unit's on a tie); big components just take their first unit's. */
function shortestCycle<E extends Arc>(comp: string[], out: Map<string, E[]>): E[] {
  let best: E[] = [];
  for (const start of comp.length > 64 ? comp.slice(0, 1) : comp) {
    const c = cyclePath(comp, out, start);
    if (c.length && (!best.length || c.length < best.length)) best = c;
  }
  return best;
}

/** A shortest cycle through `start`, found by breadth-first search inside its component. */
function cyclePath<E extends Arc>(comp: string[], out: Map<string, E[]>, start: string): E[] {
  const inComp = new Set(comp);
  const prev = new Map<string, E>();
  const queue = [start];
  const seen = new Set<string>();
  while (queue.length) {
    const n = queue.shift()!;
    for (const e of out.get(n) ?? []) {
      if (!inComp.has(e.to)) continue;
      if (e.to === start) {
        const path = [e];
        let cur = n;
        while (cur !== start) {
          const p = prev.get(cur)!;
          path.unshift(p);
          cur = p.from;
        }
        return path;
      }
      if (seen.has(e.to)) continue;
      seen.add(e.to);
      prev.set(e.to, e);
      queue.push(e.to);
    }
  }
  return [];
}
