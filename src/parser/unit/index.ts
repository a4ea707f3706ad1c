import { SourceText } from "../../core/source.js";
import type { Range } from "../../core/range.js";
import { unitLexer } from "./lexer.js";
import { unitGrammar } from "./grammar.js";
import { AstBuilder, logicalToSource } from "./to-ast.js";
import type { EntryNode, ParseProblem, UnitFileAst } from "./ast.js";

export type * from "./ast.js";

export interface ParseResult {
  ast: UnitFileAst;
  problems: ParseProblem[];
}

/**
 * Parse a unit file or drop-in the way systemd 252 reads it (config_parse() in
 * src/shared/conf-parser.c). Never throws; every byte of `text` belongs to
 * exactly one line node, so `printUnitFile(ast) === text`.
 */
export function parseUnitFile(text: string, path = "<input>"): ParseResult {
  const source = new SourceText(path, text);
  const problems: ParseProblem[] = [];
  const lexed = unitLexer.tokenize(text);
  const builder = new AstBuilder(source, problems);
  unitGrammar.builder = builder;
  unitGrammar.input = lexed.tokens;
  unitGrammar.unitFile();
  const ast = builder.finish();
  if (lexed.errors.length > 0 || unitGrammar.errors.length > 0) {
    // Cannot happen by construction (every line is a token); kept as a guard so
    // a grammar change that breaks it shows up as a finding, not a crash.
    problems.push({ code: "missing-equals", message: "internal: unparsed input", range: { start: 0, end: 0 }, fatal: false });
  }
  return { ast, problems };
}

/** The file text rebuilt from the tree: identical to the input. */
export function printUnitFile(ast: UnitFileAst): string {
  const text = ast.source.text;
  let out = "";
  for (const line of ast.lines) out += text.slice(line.fullRange.start, line.fullRange.end);
  return out;
}

/** Source range of value characters [from, to) of an entry (offsets into `entry.value`). */
export function valueSubRange(entry: EntryNode, from: number, to: number): Range {
  return logicalToSource(entry.segments, entry.valueLogicalStart + from, entry.valueLogicalStart + to);
}
