import { checkstyle } from "./checkstyle.js";
import { github } from "./github.js";
import { junit } from "./junit.js";
import { json } from "./json.js";
import { sarif } from "./sarif.js";
import { stylish } from "./stylish.js";
import type { Formatter } from "./types.js";

export type { FormatInput, Formatter } from "./types.js";

/** Output formats by name; `--format` picks one. */
export const formatters: Record<string, Formatter> = { stylish, json, sarif, github, checkstyle, junit };

export function formatterNames(): string[] {
  return Object.keys(formatters).sort();
}
