import { Lexer } from "chevrotain";
import { allTokens } from "./tokens.js";

let lexer: Lexer | undefined;

/** The one calendar lexer, built on first use (building costs a few ms at startup). */
export function calendarLexer(): Lexer {
  return (lexer ??= new Lexer(allTokens, { positionTracking: "onlyOffset", ensureOptimizations: false, skipValidations: true }));
}
