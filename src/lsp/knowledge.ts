import type { UnitType } from "../model/unit-name.js";

/** What the editor features need to know about systemd, independent of how the knowledge base stores it. */
export interface EditorKnowledge {
  directives(type: UnitType | null, section: string): { name: string; detail: string; deprecated: boolean }[];
  /** Markdown describing a directive, or undefined when unknown. */
  describe(section: string, key: string): string | undefined;
  values(section: string, key: string): string[];
  specifiers(): { specifier: string; meaning: string }[];
  specialUnits(): string[];
}
