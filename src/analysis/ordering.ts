import { defaultOrdering, isUserUnitPath, SPECIAL_ORDERING, SPECIAL_UNITS, BUILTIN_WITHOUT_DEFAULT_DEPENDENCIES } from "../knowledge/special-units.js";
import { SYSTEMD_SYSTEM_UNITS, SYSTEMD_UNITS_WITHOUT_DEFAULT_DEPENDENCIES, SYSTEMD_USER_UNITS } from "../knowledge/systemd-units.generated.js";
import type { EffectiveUnit } from "../model/effective-unit.js";
import type { UnitFile } from "../model/unit-file.js";
import { templateNameOf } from "../model/unit-name.js";
import { resolveUnit, type UnitSet } from "../model/unit-set.js";
import { parseBoolean } from "../values/primitives.js";
import { dependencyGraph } from "./graph.js";
import { reachability } from "./reach.js";

/** "from starts after to". Edges systemd itself adds have no file; all others point at the line that makes them. */
export interface OrderEdge {
  from: string;
  to: string;
  via: string;
  file?: UnitFile;
  line: number;
  /** Not written in the set: a target's ordering on what it wants, a unit's default dependencies, systemd's own targets. */
  implied?: "target" | "default" | "systemd";
}

/** Requirements after which a target orders itself (UNIT_ATOM_ADD_DEFAULT_TARGET_DEPENDENCY_QUEUE in systemd 252). */
const TARGET_QUEUE = new Set(["Wants", "Requires", "Requisite", "BindsTo", "PartOf", "Upholds", "WantedBy", "RequiredBy"]);

const SYSTEMD_OWN = new Set([...SPECIAL_UNITS, ...SYSTEMD_SYSTEM_UNITS, ...SYSTEMD_USER_UNITS]);
const SYSTEMD_NO_DEFAULTS = new Set([...BUILTIN_WITHOUT_DEFAULT_DEPENDENCIES, ...SYSTEMD_UNITS_WITHOUT_DEFAULT_DEPENDENCIES]);

/**
 * Whether a unit has default dependencies: read from its file when the set has it, from systemd's own units
 * when it is one of them, and otherwise unknown — taken as no, so no edge is invented for a unit nobody read.
 */
function defaultsOn(u: EffectiveUnit | undefined, name: string): boolean {
  if (!u) {
    const template = templateNameOf(name);
    return SYSTEMD_OWN.has(template) && !SYSTEMD_NO_DEFAULTS.has(template);
  }
  return parseBoolean(u.get("Unit", "DefaultDependencies") ?? "yes") !== false;
}

/**
 * Every "A starts after B" edge of a set: After=/Before=, the After= a target
 * adds on the units it wants (systemd.target(5); skipped when either side has
 * DefaultDependencies=no or the pair is already ordered, as
 * unit_add_default_target_dependency() does; a unit neither in the set nor
 * one of systemd's own counts as without default dependencies, since its file
 * was not read), the default dependencies of each
 * unit (After=sysinit.target basic.target, Before=shutdown.target ...) and
 * the ordering of systemd's own targets the set does not ship. Instances
 * count as their template when the template is in the set.
 */
export function startsAfterEdges(set: UnitSet, mode: "system" | "user"): readonly OrderEdge[] {
  let perMode = edgeCache.get(set);
  if (!perMode) edgeCache.set(set, (perMode = new Map()));
  let edges = perMode.get(mode);
  if (!edges) perMode.set(mode, (edges = orderEdges(set, mode)));
  return edges;
}

/** The edges of a set and manager, built once: the cycle search and the "starts after" queries read the same ones. */
const edgeCache = new WeakMap<UnitSet, Map<"system" | "user", readonly OrderEdge[]>>();

function orderEdges(set: UnitSet, mode: "system" | "user"): OrderEdge[] {
  const g = dependencyGraph(set);
  const node = (n: string) => (n.includes("@") ? (resolveUnit(set, n)?.name.name ?? n) : n);
  const edges: OrderEdge[] = g.edges
    .filter((e) => e.kind === "ordering")
    .map((e) => ({ from: node(e.from), to: node(e.to), via: e.via, file: e.file, line: e.line }));
  const ordered = new Set(edges.flatMap((e) => [`${e.from}\u0000${e.to}`, `${e.to}\u0000${e.from}`]));
  for (const e of g.edges) {
    if ((e.kind !== "requirement" && e.kind !== "install") || !TARGET_QUEUE.has(e.via) || !e.from.endsWith(".target")) continue;
    const [from, to] = [node(e.from), node(e.to)];
    if (from === to || ordered.has(`${from}\u0000${to}`)) continue;
    if (!defaultsOn(resolveUnit(set, e.from), e.from) || !defaultsOn(resolveUnit(set, e.to), e.to)) continue;
    edges.push({ from, to, via: `${e.via}=: a target orders itself after the units it wants`, file: e.file, line: e.line, implied: "target" });
  }
  for (const u of set.units) {
    const file = u.main;
    if (!file || !u.type) continue;
    if (!defaultsOn(u, u.name.name)) continue;
    const d = defaultOrdering(u.type, mode, { name: u.name.name, calendar: u.list("Timer", "OnCalendar").length > 0 });
    const line = u.last("Unit", "DefaultDependencies")?.entry.firstLine ?? file.ast.sections.find((s) => s.name === "Unit")?.header.firstLine ?? 1;
    const me = u.name.name;
    for (const t of d.after) edges.push({ from: me, to: t, via: `default dependency of a ${u.type}: After=${t}`, file, line, implied: "default" });
    // Before=shutdown.target orders against a start job that only runs once this unit is being stopped
    // (Conflicts=): a stop and a start are never in a cycle, so it is left out.
    for (const t of d.before.filter((b) => b !== "shutdown.target"))
      edges.push({ from: t, to: me, via: `default dependency of a ${u.type}: Before=${t}`, file, line, implied: "default" });
  }
  for (const [target, afters] of Object.entries(SPECIAL_ORDERING[mode])) {
    if (set.byName.has(target)) continue;
    for (const a of afters) edges.push({ from: target, to: a, via: `systemd's ${target}: After=${a}`, line: 0, implied: "systemd" });
  }
  return edges;
}

const viewCache = new WeakMap<UnitSet, Map<string, Map<"system" | "user", UnitSet>>>();

/**
 * The set as each manager sees it (cached per set): with `--user` everything
 * is the user manager's; otherwise files under a user unit folder are.
 */
export function managerViews(set: UnitSet, settingsMode: "system" | "user"): Map<"system" | "user", UnitSet> {
  let bySetting = viewCache.get(set);
  if (!bySetting) viewCache.set(set, (bySetting = new Map()));
  let views = bySetting.get(settingsMode);
  if (!views) {
    views = new Map(splitByManager(set, (u) => managerOf(u, settingsMode)).map((v) => [v.mode, v.set]));
    bySetting.set(settingsMode, views);
  }
  return views;
}

/** The manager that runs a unit. */
export function managerOf(u: EffectiveUnit, settingsMode: "system" | "user"): "system" | "user" {
  return settingsMode === "user" || u.files.some((f) => isUserUnitPath(f.path)) ? "user" : "system";
}

/**
 * The units of a set split by the manager that runs them: the system manager
 * and the per-user one have distinct units of the same name (basic.target),
 * so their orderings form separate graphs.
 */
function splitByManager(set: UnitSet, modeOf: (u: EffectiveUnit) => "system" | "user"): { mode: "system" | "user"; set: UnitSet }[] {
  const out: { mode: "system" | "user"; set: UnitSet }[] = [];
  for (const mode of ["system", "user"] as const) {
    const units = set.units.filter((u) => modeOf(u) === mode);
    if (!units.length) continue;
    if (units.length === set.units.length) return [{ mode, set }];
    const byName = new Map(units.map((u) => [u.name.name, u]));
    out.push({ mode, set: { units, files: units.flatMap((u) => u.files), byName } });
  }
  return out;
}

const orderCache = new WeakMap<UnitSet, Map<string, (a: string, b: string) => boolean>>();

/**
 * Whether `a` starts after `b`, directly or through a chain of orderings
 * (explicit, implied by targets, default dependencies, systemd's own targets),
 * in the given manager's graph. Built once per set and manager.
 */
export function startsAfter(set: UnitSet, mode: "system" | "user"): (a: string, b: string) => boolean {
  let perMode = orderCache.get(set);
  if (!perMode) orderCache.set(set, (perMode = new Map()));
  let fn = perMode.get(mode);
  if (fn) return fn;
  const out = new Map<string, Set<string>>();
  const into = new Map<string, Set<string>>();
  const link = (m: Map<string, Set<string>>, k: string, v: string) => {
    let s = m.get(k);
    if (!s) m.set(k, (s = new Set()));
    s.add(v);
  };
  for (const e of startsAfterEdges(set, mode)) {
    link(out, e.from, e.to);
    link(into, e.to, e.from);
  }
  const node = (n: string) => (n.includes("@") ? (resolveUnit(set, n)?.name.name ?? n) : n);
  const reach = reachability(out, into);
  fn = (a: string, b: string) => reach(node(a), node(b));
  perMode.set(mode, fn);
  return fn;
}
