import { Lexer } from "chevrotain";
import { allTokens } from "./tokens.js";

export const calendarLexer = new Lexer(allTokens, {
  positionTracking: "onlyOffset",
  ensureOptimizations: false,
  skipValidations: true,
});
