import { orderingCycles } from "../../analysis/cycles.js";
import { managerViews, startsAfterEdges, type OrderEdge } from "../../analysis/ordering.js";
import type { UnitFile } from "../../model/unit-file.js";
import { defineRule } from "../types.js";

/** The line an edge comes from, as a range (an edge systemd adds itself has none). */
function lineRange(e: OrderEdge): { file: UnitFile; range: { start: number; end: number } } | undefined {
  if (!e.file) return undefined;
  const f = e.file.ast.lines.find((l) => l.firstLine <= e.line && l.lastLine >= e.line);
  if (f) return { file: e.file, range: f.range };
  // A comment line (an implied edge falls back to line 1) when `check` compacted the tree: the physical line.
  const start = e.file.source.offsetAt({ line: e.line, column: 1 });
  return { file: e.file, range: { start, end: start + e.file.source.lineText(e.line).length } };
}

/** Start the cycle at an edge written in the set (rather than one systemd adds), so the finding sits on a line someone wrote. */
function rotate(cycle: OrderEdge[]): OrderEdge[] {
  let k = cycle.findIndex((e) => e.file && !e.implied);
  if (k < 0)
    k = Math.max(
      0,
      cycle.findIndex((e) => e.file),
    );
  return [...cycle.slice(k), ...cycle.slice(0, k)];
}

export default defineRule({
  meta: {
    id: "dependencies/ordering-cycle",
    family: "dependencies",
    severity: "error",
    fixable: "none",
    messages: { cycle: "ordering cycle: {path}{systemd}; systemd breaks it at boot by dropping one of these units' jobs{hint}" },
    docs: {
      summary:
        "Units ordered after each other in a circle: After=/Before=, the ordering a target adds on the units it wants, and the default dependencies systemd adds (a service starts after sysinit.target and basic.target).",
      rationale:
        'systemd cannot start a cycle in order; it logs "Found ordering cycle" and deletes a job to break it — which unit fails to start is up to chance. The cycle is reported once, with every edge and the line that makes it. A classic: a service with default dependencies ordered `Before=sysinit.target` or `Before=basic.target` — it is also after them by default; early-boot units need `DefaultDependencies=no`.',
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
      reference: "systemd.unit(5) After=, DefaultDependencies=; systemd.special(7)",
    },
  },
  checkSet(ctx) {
    const found = [...managerViews(ctx.set, ctx.settings.mode)].flatMap(([mode, set]) => orderingCycles(startsAfterEdges(set, mode), rotate));
    for (const cycle of found) {
      const first = cycle[0];
      const at = first && lineRange(first);
      if (!first || !at) continue;
      const path = [...cycle.map((e) => e.from), first.from].join(" → ");
      const builtin = cycle.filter((e) => !e.file).map((e) => e.via);
      ctx.report({
        messageId: "cycle",
        data: {
          path,
          systemd: builtin.length ? ` (with ${builtin.join(", ")})` : "",
          hint: cycle.some((e) => e.implied === "default")
            ? ". Default dependencies order every unit after the early-boot targets: a unit that must run before them needs DefaultDependencies=no"
            : "",
        },
        file: at.file,
        range: at.range,
        related: cycle.slice(1).flatMap((e) => {
          const r = lineRange(e);
          return r ? [{ ...r, message: `${e.from} starts after ${e.to} (${e.via})` }] : [];
        }),
      });
    }
  },
});
