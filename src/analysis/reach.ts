import { stronglyConnectedComponents } from "./scc.js";

/**
 * "Can `from` reach `to`?" over a directed graph, asked many times over one
 * graph (the ordering of a unit set: does A start after B?).
 *
 * The graph's strongly connected components are numbered once, and each gets
 * a level: 0 for a component with no edge out, else one more than the highest
 * level it has an edge to (the longest path below it). A node can reach `to`
 * only if it is in `to`'s component or its level is higher; it can be reached
 * from `from` only if it is in `from`'s component or its level is lower. Both
 * searches (forward from `from`, backward from `to`, one node at a time each)
 * skip every node outside that window. Without the window a "no" cost a walk
 * over most of the set whenever both ends were well connected (every service
 * starts after basic.target, which starts after every socket): quadratic over
 * a set's queries, 7.6 of 34 seconds at 100,000 units. With it most such
 * questions end at the first step: a service's only way down is basic.target,
 * whose level is below any other service's.
 */
export interface Reachability {
  (from: string, to: string): boolean;
}

interface Component {
  id: number;
  level: number;
  size: number;
}

const ALONE: Component = { id: -1, level: 0, size: 1 };

export function reachability(out: ReadonlyMap<string, ReadonlySet<string>>, into: ReadonlyMap<string, ReadonlySet<string>>): Reachability {
  const comp = components(out);
  const of = (n: string) => comp.get(n) ?? ALONE;
  const NONE: ReadonlySet<string> = new Set();
  return (from, to) => {
    const cf = of(from);
    const ct = of(to);
    if (from === to) {
      // a unit after itself: only through a cycle, so inside its component
      if (cf === ALONE) return false;
      if ((out.get(from) ?? NONE).has(from)) return true;
      return cf.size > 1;
    }
    if (cf === ALONE || ct === ALONE) return false;
    if (cf.id === ct.id) return true;
    if (cf.level <= ct.level) return false;
    // forward: nodes that may still reach `to`; backward: nodes `from` may still reach
    const down = (c: Component) => c.id === ct.id || c.level > ct.level;
    const up = (c: Component) => c.id === cf.id || c.level < cf.level;
    const fwdSeen = new Set([from]);
    const bwdSeen = new Set([to]);
    const fwd = [from];
    const bwd = [to];
    let fi = 0;
    let bi = 0;
    while (fi < fwd.length && bi < bwd.length) {
      for (const next of out.get(fwd[fi++]!) ?? NONE) {
        if (bwdSeen.has(next)) return true;
        if (!fwdSeen.has(next) && down(of(next))) {
          fwdSeen.add(next);
          fwd.push(next);
        }
      }
      for (const prev of into.get(bwd[bi++]!) ?? NONE) {
        if (fwdSeen.has(prev)) return true;
        if (!bwdSeen.has(prev) && up(of(prev))) {
          bwdSeen.add(prev);
          bwd.push(prev);
        }
      }
    }
    return false;
  };
}

/**
 * Each node's strongly connected component and its level. Tarjan closes a
 * component only after every component it has an edge to, so its level is
 * known when it comes out.
 */
function components(out: ReadonlyMap<string, ReadonlySet<string>>): Map<string, Component> {
  const result = new Map<string, Component>();
  const sccs = stronglyConnectedComponents(out.keys(), (n) => [...(out.get(n) ?? [])]);
  for (const [id, members] of sccs.entries()) {
    const c: Component = { id, level: 0, size: members.length };
    for (const m of members) result.set(m, c);
    // every edge out of the component leads to one that came out before it (or back into it)
    for (const m of members)
      for (const t of out.get(m) ?? []) {
        const ct = result.get(t)!;
        if (ct !== c && ct.level + 1 > c.level) c.level = ct.level + 1;
      }
  }
  return result;
}
