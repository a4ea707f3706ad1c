import type { Edge } from "./graph.js";

/**
 * Ordering cycles: each strongly connected component of the "starts after"
 * graph with more than one unit (or a unit after itself) yields one cycle path
 * through it, as the list of its edges. Each cycle is reported once.
 */
export function orderingCycles(edges: Edge[]): Edge[][] {
  const out = new Map<string, Edge[]>();
  for (const e of edges) {
    let list = out.get(e.from);
    if (!list) out.set(e.from, (list = []));
    list.push(e);
  }
  // Tarjan's algorithm, iterative so deep chains cannot overflow the stack.
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const sccs: string[][] = [];
  const nodes = [...new Set(edges.flatMap((e) => [e.from, e.to]))].sort();
  for (const root of nodes) {
    if (idx.has(root)) continue;
    const work: { node: string; i: number }[] = [{ node: root, i: 0 }];
    idx.set(root, index);
    low.set(root, index++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const top = work[work.length - 1]!;
      const succ = out.get(top.node) ?? [];
      if (top.i < succ.length) {
        const w = succ[top.i++]!.to;
        if (!idx.has(w)) {
          idx.set(w, index);
          low.set(w, index++);
          stack.push(w);
          onStack.add(w);
          work.push({ node: w, i: 0 });
        } else if (onStack.has(w)) low.set(top.node, Math.min(low.get(top.node)!, idx.get(w)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1]!.node;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!));
      }
      if (low.get(top.node) === idx.get(top.node)) {
        const comp: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          comp.push(w);
        } while (w !== top.node);
        const selfLoop = comp.length === 1 && (out.get(comp[0]!) ?? []).some((e) => e.to === comp[0]);
        if (comp.length > 1 || selfLoop) sccs.push(comp.sort());
      }
    }
  }
  return sccs.map((comp) => cyclePath(comp, out));
}

/** A shortest cycle through the component's first unit, found by breadth-first search inside it. */
function cyclePath(comp: string[], out: Map<string, Edge[]>): Edge[] {
  const inComp = new Set(comp);
  const start = comp[0]!;
  const prev = new Map<string, Edge>();
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
