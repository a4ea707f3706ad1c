import { Lexer } from "chevrotain";
import { lexerDefinition } from "./tokens.js";

export const unitLexer = new Lexer(lexerDefinition, {
  positionTracking: "onlyOffset",
  // Fail at start-up, not silently slow, if a pattern stops being indexable by its first character.
  ensureOptimizations: true,
  skipValidations: true,
});
