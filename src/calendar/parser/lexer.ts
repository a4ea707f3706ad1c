import { allTokens } from "./tokens.js";
import { tokenMatcher, type LexResult } from "./match-tokens.js";

const tokenize = tokenMatcher(allTokens);

/** The calendar lexer: Chevrotain's matching of these token types (match-tokens.ts), without building its `Lexer`. */
export function calendarLexer(): { tokenize(text: string): LexResult } {
  return { tokenize };
}
