import type { EntryNode } from "../parser/unit/ast.js";
import type { UnitFile } from "./unit-file.js";
import { parseUnitName, UNIT_TYPES, type UnitName, type UnitType } from "./unit-name.js";

/** One `Key=Value` line as it takes part in the effective unit. */
export interface Assignment {
  file: UnitFile;
  entry: EntryNode;
  section: string;
  key: string;
  value: string;
}

/**
 * A unit as systemd loads it: the unit file, then its drop-ins in systemd's
 * order. Rules read settings here and point findings at `assignment.file` /
 * `assignment.entry`, so a finding lands in the file and line that caused it.
 */
export class EffectiveUnit {
  readonly name: UnitName;
  readonly assignments: Assignment[] = [];
  private byKey = new Map<string, Assignment[]>();

  constructor(
    unitName: string,
    /** The unit file itself; null for drop-ins checked without their unit. */
    readonly main: UnitFile | null,
    /** Drop-ins in the order systemd applies them. */
    readonly dropins: UnitFile[],
  ) {
    this.name = parseUnitName(unitName);
    for (const file of this.files) {
      for (const section of file.ast.sections) {
        if (section.header.problem) continue;
        for (const entry of section.entries) {
          const a: Assignment = { file, entry, section: section.name, key: entry.key, value: entry.value };
          this.assignments.push(a);
          const k = keyOf(section.name, entry.key);
          const list = this.byKey.get(k);
          // [a], not [] then push: a pushed-to array keeps room for 17, and most keys are set once
          if (list) list.push(a);
          else this.byKey.set(k, [a]);
        }
      }
    }
    this.assignments = this.assignments.slice();
  }

  /** The unit type; for a type-wide drop-in folder such as `service.d`, that type. */
  get type(): UnitType | null {
    if (this.name.type) return this.name.type;
    return (UNIT_TYPES as readonly string[]).includes(this.name.name) ? (this.name.name as UnitType) : null;
  }

  get files(): UnitFile[] {
    return this.main ? [this.main, ...this.dropins] : [...this.dropins];
  }

  /** Every assignment of `key` in `section`, empty resets included, in load order. */
  all(section: string, key: string): Assignment[] {
    return this.byKey.get(keyOf(section, key)) ?? [];
  }

  /** The assignment that wins for a single-valued setting (the last one), if any. */
  last(section: string, key: string): Assignment | undefined {
    const list = this.byKey.get(keyOf(section, key));
    return list ? list[list.length - 1] : undefined;
  }

  /** The effective value of a single-valued setting; `undefined` when unset or reset to empty. */
  get(section: string, key: string): string | undefined {
    const a = this.last(section, key);
    return a && a.value !== "" ? a.value : undefined;
  }

  /** The assignments that make up a list setting: those after the last empty reset. */
  list(section: string, key: string): Assignment[] {
    const all = this.all(section, key);
    let i = all.length;
    while (i > 0 && all[i - 1]!.value !== "") i--;
    return all.slice(i);
  }

  /** Section names present in any file, in first-seen order. */
  sectionNames(): string[] {
    const seen = new Set<string>();
    for (const f of this.files) for (const s of f.ast.sections) if (!s.header.problem) seen.add(s.name);
    return [...seen];
  }

  hasSection(name: string): boolean {
    return this.sectionNames().includes(name);
  }
}

function keyOf(section: string, key: string): string {
  return section + "\u0000" + key;
}
