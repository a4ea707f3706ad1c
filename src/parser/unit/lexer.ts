import { Lexer } from "chevrotain";
import { allTokens } from "./tokens.js";

export const unitLexer = new Lexer(allTokens, {
  positionTracking: "onlyOffset",
  ensureOptimizations: false,
  skipValidations: true,
});
