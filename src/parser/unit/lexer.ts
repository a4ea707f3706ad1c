import type { IToken, TokenType } from "chevrotain";
import { continuationMode, ContinuedLine, LastContinuationLine, logicalStartMode } from "./tokens.js";

export interface LexResult {
  tokens: IToken[];
  /** Offsets where no pattern matched (none by construction: every line is a token). */
  errors: number[];
}

/** A mode's token types, each with its pattern made sticky (matched at the offset reached, as Chevrotain's lexer does). */
function compile(mode: TokenType[]): { type: TokenType; re: RegExp }[] {
  return mode.map((type) => ({ type, re: new RegExp((type.PATTERN as RegExp).source, "y") }));
}

const LOGICAL_START = compile(logicalStartMode);
const CONTINUATION = compile(continuationMode);

/**
 * The unit file's lexer: one token per physical line, the tokens Chevrotain's
 * lexer gave for the same definition (with positionTracking "onlyOffset"):
 * image, startOffset and token type. A continued line switches to the
 * continuation patterns, the last line of the continuation switches back.
 */
export const unitLexer = {
  tokenize(text: string): LexResult {
    const tokens: IToken[] = [];
    const errors: number[] = [];
    let mode = LOGICAL_START;
    let offset = 0;
    while (offset < text.length) {
      let matched = false;
      for (const { type, re } of mode) {
        re.lastIndex = offset;
        const m = re.exec(text);
        if (m === null || m[0].length === 0) continue;
        const image = m[0];
        tokens.push({ image, startOffset: offset, tokenTypeIdx: type.tokenTypeIdx, tokenType: type } as IToken);
        offset += image.length;
        if (type === ContinuedLine) mode = CONTINUATION;
        else if (type === LastContinuationLine) mode = LOGICAL_START;
        matched = true;
        break;
      }
      if (!matched) {
        errors.push(offset);
        offset++;
      }
    }
    return { tokens, errors };
  },
};
