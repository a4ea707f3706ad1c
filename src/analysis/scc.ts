/**
 * The strongly connected components of a directed graph, by Tarjan's
 * algorithm, iterative so that deep chains cannot overflow the stack. Roots
 * are tried in the order given and each node's successors in the order
 * `successors` lists them; components come out in the order Tarjan closes
 * them, which is after every component they have an edge to (reverse
 * topological order). Nodes reached only as successors are included.
 */
export function stronglyConnectedComponents(roots: Iterable<string>, successors: (node: string) => readonly string[]): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  const enter = (node: string) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    return { node, next: successors(node), i: 0 };
  };
  for (const root of roots) {
    if (index.has(root)) continue;
    const work = [enter(root)];
    while (work.length) {
      const top = work[work.length - 1]!;
      if (top.i < top.next.length) {
        const w = top.next[top.i++]!;
        if (!index.has(w)) work.push(enter(w));
        else if (onStack.has(w)) low.set(top.node, Math.min(low.get(top.node)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1]!.node;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!));
      }
      if (low.get(top.node) !== index.get(top.node)) continue;
      const members: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        members.push(w);
      } while (w !== top.node);
      components.push(members);
    }
  }
  return components;
}
