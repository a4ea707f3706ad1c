import { collectInputs, type InputError } from "./collect.js";
import { contextFiles } from "./context.js";
import { readUnitFile } from "./read.js";
import { parseFile, type UnitFile } from "../model/unit-file.js";
import { buildUnitSet } from "../model/unit-set.js";
import type { EffectiveUnit } from "../model/effective-unit.js";
import type { UnitSet } from "../model/unit-set.js";

interface LoadedUnits {
  set: UnitSet;
  /** Units whose own file was among the inputs (not only context), in input order. */
  units: EffectiveUnit[];
  errors: InputError[];
}

/**
 * Unit files and folders as `systemd-analyze` would load them: each unit with
 * the drop-ins beside it (`foo.service.d/*.conf`), also when only the unit
 * file was named.
 */
export function loadUnits(paths: string[]): LoadedUnits {
  const c = collectInputs(paths);
  const errors = [...c.errors];
  const files: UnitFile[] = [];
  for (const path of [...c.files, ...contextFiles(c.files)]) {
    const r = readUnitFile(path);
    if (r.ok) files.push(parseFile(path, r.text));
    else errors.push({ path, message: r.message });
  }
  const set = buildUnitSet(files);
  const given = new Set(c.files);
  const units = set.units.filter((u) => u.main && given.has(u.main.path));
  return { set, units, errors };
}
