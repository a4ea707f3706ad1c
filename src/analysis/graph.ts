import type { EffectiveUnit } from "../model/effective-unit.js";
import type { UnitFile } from "../model/unit-file.js";
import { parseUnitName } from "../model/unit-name.js";
import { resolveUnit, type UnitSet } from "../model/unit-set.js";

type EdgeKind = "requirement" | "ordering" | "install" | "trigger" | "instance";

interface Edge {
  from: string;
  to: string;
  kind: EdgeKind;
  /** The setting that makes the edge, e.g. `Wants` or `WantedBy`. */
  via: string;
  file: UnitFile;
  line: number;
}

const REQUIREMENT = ["Wants", "Requires", "Requisite", "BindsTo", "PartOf", "Upholds"];

/**
 * The dependency graph of a set: requirement edges (Wants=, Requires=...),
 * ordering edges as "from starts after to" (`Before=` is turned around),
 * [Install] edges (WantedBy= as "target wants unit") and timer → service triggers.
 */
export function dependencyGraph(set: UnitSet): { nodes: string[]; edges: Edge[] } {
  const nodes = new Set<string>();
  const edges: Edge[] = [];
  const add = (u: EffectiveUnit, from: string, to: string, kind: EdgeKind, via: string, a: { file: UnitFile; entry: { firstLine: number } }) => {
    nodes.add(from);
    nodes.add(to);
    edges.push({ from, to, kind, via, file: a.file, line: a.entry.firstLine });
  };
  for (const u of set.units) {
    const me = u.name.name;
    nodes.add(me);
    for (const key of REQUIREMENT)
      for (const a of u.list("Unit", key)) for (const t of a.value.split(/\s+/).filter(Boolean)) add(u, me, t, "requirement", key, a);
    for (const a of u.list("Unit", "After")) for (const t of a.value.split(/\s+/).filter(Boolean)) add(u, me, t, "ordering", "After", a);
    for (const a of u.list("Unit", "Before")) for (const t of a.value.split(/\s+/).filter(Boolean)) add(u, t, me, "ordering", "Before", a);
    for (const key of ["WantedBy", "RequiredBy"])
      for (const a of u.list("Install", key)) for (const t of a.value.split(/\s+/).filter(Boolean)) add(u, t, me, "install", key, a);
    if (u.type === "timer") {
      const target = u.get("Timer", "Unit") ?? `${u.name.stem}.service`;
      const a = u.last("Timer", "Unit");
      nodes.add(target);
      edges.push({ from: me, to: target, kind: "trigger", via: "Unit", file: a?.file ?? u.main ?? u.files[0]!, line: a?.entry.firstLine ?? 1 });
    }
  }
  // Instances (worker@email.service) are made from their template in the set.
  for (const n of nodes) {
    const t = parseUnitName(n).template;
    const tu = t ? set.byName.get(t) : undefined;
    if (t && tu?.main) edges.push({ from: n, to: t, kind: "instance", via: "instance of", file: tu.main, line: 1 });
  }
  return { nodes: [...nodes].sort(), edges };
}

/** The units that have a warning or an error (info findings do not outline a unit). */
export function unitsWithFindings(set: UnitSet, findings: { file: string; severity: string }[]): Set<string> {
  const byFile = new Map(set.units.flatMap((u) => u.files.map((f) => [f.path, u.name.name] as const)));
  return new Set(findings.filter((f) => f.severity !== "info").flatMap((f) => byFile.get(f.file) ?? []));
}

/** Whether a node is one of the set's own units (instances count as their template's). */
function inSet(set: UnitSet, name: string): boolean {
  return resolveUnit(set, name) !== undefined;
}

function mermaidId(name: string): string {
  return "u_" + name.replace(/[^A-Za-z0-9]/g, "_");
}

const SHAPES: Record<string, [string, string]> = { target: ["([", "])"], timer: ["{{", "}}"], socket: ["[/", "/]"], service: ["[", "]"] };

/** A Mermaid flowchart: requirement edges solid, ordering dashed, install thick, triggers dotted; units outside the set grey. */
export function toMermaid(set: UnitSet, graph = dependencyGraph(set), flagged: Set<string> = new Set()): string {
  const lines = ["flowchart LR"];
  for (const n of graph.nodes) {
    const type = parseUnitName(n).type ?? "service";
    const [l, r] = SHAPES[type] ?? ["[", "]"];
    lines.push(`  ${mermaidId(n)}${l}"${n}"${r}`);
  }
  const style: Record<EdgeKind, string> = { requirement: "-->", ordering: "-.->", install: "==>", trigger: "-.->", instance: "-.-" };
  const seen = new Set<string>();
  for (const e of graph.edges) {
    const key = `${e.from}|${e.to}|${e.via}`;
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(`  ${mermaidId(e.from)} ${style[e.kind]}|${e.via}| ${mermaidId(e.to)}`);
  }
  const outside = graph.nodes.filter((n) => !inSet(set, n));
  if (outside.length) lines.push(`  classDef external fill:#eee,stroke:#999,color:#555`, `  class ${outside.map(mermaidId).join(",")} external`);
  const bad = graph.nodes.filter((n) => flagged.has(n));
  if (bad.length) lines.push(`  classDef finding stroke:#c62828,stroke-width:3px`, `  class ${bad.map(mermaidId).join(",")} finding`);
  return lines.join("\n") + "\n";
}

/** Graphviz DOT with the same conventions. */
export function toDot(set: UnitSet, graph = dependencyGraph(set), flagged: Set<string> = new Set()): string {
  const q = (s: string) => JSON.stringify(s);
  const lines = ["digraph units {", "  rankdir=LR;", "  node [fontname=Helvetica, fontsize=10];"];
  for (const n of graph.nodes) {
    const type = parseUnitName(n).type;
    const shape = type === "target" ? "ellipse" : type === "timer" ? "hexagon" : "box";
    const attrs = [`shape=${shape}`];
    if (!inSet(set, n)) attrs.push('style=filled, fillcolor="#eeeeee", fontcolor="#555555"');
    if (flagged.has(n)) attrs.push('color="#c62828", penwidth=2');
    lines.push(`  ${q(n)} [${attrs.join(", ")}];`);
  }
  const style: Record<EdgeKind, string> = { requirement: "solid", ordering: "dashed", install: "bold", trigger: "dotted", instance: "dotted" };
  for (const e of graph.edges) lines.push(`  ${q(e.from)} -> ${q(e.to)} [label=${q(e.via)}, style=${style[e.kind]}];`);
  lines.push("}");
  return lines.join("\n") + "\n";
}
