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

/** An Assignment in three fields: its key and value are its entry's. */
class EntryAssignment implements Assignment {
  constructor(
    readonly file: UnitFile,
    readonly entry: EntryNode,
    readonly section: string,
  ) {}

  get key(): string {
    return this.entry.key;
  }

  get value(): string {
    return this.entry.value;
  }
}

/**
 * A unit as systemd loads it: the unit file, then its drop-ins in systemd's
 * order. Rules read settings here and point findings at `assignment.file` /
 * `assignment.entry`, so a finding lands in the file and line that caused it.
 */
export class EffectiveUnit {
  readonly name: UnitName;
  readonly assignments: Assignment[] = [];
  /**
   * Assignments by section and key, for units with many (see INDEX_FROM);
   * looked up by a scan otherwise: a run over thousands of files keeps every
   * unit, and an index per unit took more memory than the unit's assignments.
   */
  private byKey: Map<string, Assignment[]> | undefined;

  constructor(
    unitName: string,
    /** The unit file itself; null for drop-ins checked without their unit. */
    readonly main: UnitFile | null,
    /** Drop-ins in the order systemd applies them. */
    readonly dropins: UnitFile[],
  ) {
    this.name = main && main.unitName === unitName ? main.name : parseUnitName(unitName);
    for (const file of this.files) {
      for (const section of file.ast.sections) {
        if (section.header.problem) continue;
        for (const entry of section.entries) this.assignments.push(new EntryAssignment(file, entry, section.name));
      }
    }
    this.assignments = this.assignments.slice();
    if (this.assignments.length >= INDEX_FROM) {
      this.byKey = new Map();
      for (const a of this.assignments) {
        const k = keyOf(a.section, a.key);
        const list = this.byKey.get(k);
        // [a], not [] then push: a pushed-to array keeps room for 17, and most keys are set once
        if (list) list.push(a);
        else this.byKey.set(k, [a]);
      }
    }
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
    if (this.byKey) return this.byKey.get(keyOf(section, key)) ?? [];
    const out: Assignment[] = [];
    for (const a of this.assignments) if (a.key === key && a.section === section) out.push(a);
    return out;
  }

  /** The assignment that wins for a single-valued setting (the last one), if any. */
  last(section: string, key: string): Assignment | undefined {
    if (this.byKey) {
      const list = this.byKey.get(keyOf(section, key));
      return list ? list[list.length - 1] : undefined;
    }
    const all = this.assignments;
    for (let i = all.length - 1; i >= 0; i--) {
      const a = all[i]!;
      if (a.key === key && a.section === section) return a;
    }
    return undefined;
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

/** Units with at least this many assignments get an index by key; a scan of fewer is as fast. */
const INDEX_FROM = 24;

function keyOf(section: string, key: string): string {
  return section + "\u0000" + key;
}
