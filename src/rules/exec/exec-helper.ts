import type { Assignment, EffectiveUnit } from "../../model/effective-unit.js";
import { EXEC_KEYS } from "../../parser/exec/parse-exec.js";
import { TYPE_SECTION } from "../../knowledge/sections.js";

/** Every non-empty command line of a unit, in load order. */
export function commandLines(unit: EffectiveUnit, keys: string[] = EXEC_KEYS): { key: string; a: Assignment }[] {
  const section = unit.type ? TYPE_SECTION[unit.type] : null;
  if (!section) return [];
  return keys.flatMap((key) =>
    unit
      .list(section, key)
      .filter((a) => a.value !== "")
      .map((a) => ({ key, a })),
  );
}
