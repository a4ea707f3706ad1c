import type { UnitSet } from "../model/unit-set.js";
import { EXEC_KEYS } from "../parser/exec/parse-exec.js";

/**
 * What the unit and set rules read of units other than the one they check.
 * `check --cache` reuses a unit's findings after an edit elsewhere only while
 * this view of the set is unchanged, so it must cover every such read: each
 * unit's name, its files (path, kind, section names, whether they parse
 * cleanly), its [Unit], [Install], [Timer], [Socket] and [Path] sections
 * (dependencies, ordering, aliases, what a timer, socket or path unit
 * starts and when), the few [Service] settings that other units' rules
 * ask about (whether a service stays active, can be reloaded), and the
 * command lines that may name a file under /tmp or /var/tmp (a service with
 * PrivateTmp= cannot share those with others). A rule that
 * reads more of other units says so (`readsOtherUnits` in its meta) and is
 * recomputed on every unit whenever any file changed.
 * test/linter/cross-unit.test.ts checks every rule against this: blanking
 * every other line of the other units must not change a unit's findings.
 */
const CROSS_SECTIONS: ReadonlySet<string> = new Set(["Unit", "Install", "Timer", "Socket", "Path"]);
const CROSS_SERVICE_KEYS: ReadonlySet<string> = new Set(["Type", "RemainAfterExit", "ExecReload"]);
const COMMAND_KEYS: ReadonlySet<string> = new Set(EXEC_KEYS);

/** Whether rules may read this assignment of a unit other than the one they check. */
export function readAcrossUnits(section: string, key: string, value: string): boolean {
  if (CROSS_SECTIONS.has(section)) return true;
  if (section !== "Service") return false;
  // "tmp" or an escape that could spell it (hardening/private-tmp-shared compares /tmp paths across services)
  return CROSS_SERVICE_KEYS.has(key) || (COMMAND_KEYS.has(key) && (value.includes("tmp") || value.includes("\\")));
}

/** The set as rules see other units (see above), as one string for a cache key; positions are not in it. */
export function crossUnitView(set: UnitSet): string {
  const parts: string[] = [];
  for (const u of set.units) {
    parts.push("\u0001" + u.name.name);
    for (const f of u.files) {
      parts.push("\u0002" + f.kind, f.path, String(f.problems.length));
      for (const s of f.ast.sections) parts.push(s.header.problem === undefined ? s.name : `!${s.name}`);
    }
    for (const a of u.assignments) if (readAcrossUnits(a.section, a.key, a.value)) parts.push("\u0003" + a.section, a.key, a.value);
  }
  return parts.join("\u0000");
}
