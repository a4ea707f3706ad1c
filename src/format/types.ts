import type { Finding } from "../core/diagnostic.js";
import type { SourceText } from "../core/source.js";
import type { RuleMeta } from "../rules/types.js";

export interface FormatInput {
  findings: Finding[];
  /** Sources by path, for code frames. */
  sources: Map<string, SourceText>;
  /** Metadata of the rules that ran (SARIF rule descriptors, docs links). */
  rules: RuleMeta[];
  /** Files checked, for summaries. */
  fileCount: number;
  /** The checked files themselves, so reports can list the clean ones too (checkstyle, junit). */
  files?: string[];
  color: boolean;
  version: string;
  /** What the files were judged against, for the summary line: "systemd 252", "systemd 252 (target 247, 252)". */
  checkedAgainst?: string;
  /** Paths that could not be read or held no unit files (their messages went to stderr): the check is incomplete. */
  unreadable?: number;
}

export type Formatter = (input: FormatInput) => string;

const DOCS_BASE = "https://github.com/unitlint/unitlint/blob/main/docs/rules/";

export function ruleDocUrl(ruleId: string): string {
  return DOCS_BASE + ruleId.replace("/", "/") + ".md";
}
