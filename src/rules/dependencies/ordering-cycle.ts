import { orderingCycles } from "../../analysis/cycles.js";
import { dependencyGraph, type Edge } from "../../analysis/graph.js";
import { parseUnitName } from "../../model/unit-name.js";
import { resolveUnit, type UnitSet } from "../../model/unit-set.js";
import { parseBoolean } from "../../values/primitives.js";
import { defineRule } from "../types.js";

/**
 * "A starts after B" edges: After=/Before=, plus the After= a target adds on
 * the units it Wants=/Requires= (also through their WantedBy=/RequiredBy=),
 * unless DefaultDependencies=no or the two are already ordered either way
 * (systemd.target(5) "Default Dependencies").
 */
export function startsAfterEdges(set: UnitSet): Edge[] {
  const g = dependencyGraph(set);
  const edges = g.edges.filter((e) => e.kind === "ordering");
  const ordered = new Set(edges.flatMap((e) => [`${e.from}\u0000${e.to}`, `${e.to}\u0000${e.from}`]));
  for (const e of g.edges) {
    const wants = (e.kind === "requirement" && ["Wants", "Requires"].includes(e.via)) || (e.kind === "install" && ["WantedBy", "RequiredBy"].includes(e.via));
    if (!wants || parseUnitName(e.from).type !== "target" || ordered.has(`${e.from}\u0000${e.to}`)) continue;
    const target = resolveUnit(set, e.from);
    if (target && parseBoolean(target.get("Unit", "DefaultDependencies") ?? "yes") === false) continue;
    edges.push({ ...e, kind: "ordering", via: `${e.via} (a target orders itself after the units it wants)` });
  }
  return edges;
}

export default defineRule({
  meta: {
    id: "dependencies/ordering-cycle",
    family: "dependencies",
    severity: "error",
    fixable: "none",
    messages: { cycle: "ordering cycle: {path}; systemd breaks it at boot by dropping one of these units' jobs" },
    docs: {
      summary: "Units ordered after each other in a circle (After=/Before=, and the ordering targets add on the units they want).",
      rationale:
        "systemd cannot start a cycle in order; it logs \"Found ordering cycle\" and deletes a job to break it — which unit fails to start is up to chance. The cycle is reported once, with every edge and the line that makes it.",
      bad: {
        filename: "app.service",
        text: "[Unit]\nAfter=db.service\n\n[Service]\nExecStart=/usr/bin/app\n",
        extra: [{ filename: "db.service", text: "[Unit]\nAfter=app.service\n\n[Service]\nExecStart=/usr/bin/db\n" }],
      },
      good: {
        filename: "app.service",
        text: "[Unit]\nAfter=db.service\n\n[Service]\nExecStart=/usr/bin/app\n",
        extra: [{ filename: "db.service", text: "[Service]\nExecStart=/usr/bin/db\n" }],
      },
      reference: "systemd.unit(5) After=",
    },
  },
  checkSet(ctx) {
    for (const cycle of orderingCycles(startsAfterEdges(ctx.set))) {
      const first = cycle[0];
      if (!first) continue;
      const path = [...cycle.map((e) => e.from), first.from].join(" → ");
      const line = (e: Edge) => {
        const f = e.file.ast.lines.find((l) => l.firstLine <= e.line && l.lastLine >= e.line);
        return f ? f.range : { start: 0, end: 0 };
      };
      ctx.report({
        messageId: "cycle",
        data: { path },
        file: first.file,
        range: line(first),
        related: cycle.slice(1).map((e) => ({ file: e.file, range: line(e), message: `${e.from} starts after ${e.to} (${e.via})` })),
      });
    }
  },
});
