import type { EditorKnowledge } from "./knowledge.js";

/** Editor knowledge backed by the generated directive tables. */
export function defaultKnowledge(): EditorKnowledge {
  return {
    directives: () => [],
    describe: () => undefined,
    values: () => [],
    specifiers: () => [],
    specialUnits: () => [],
  };
}
