import { createToken, type IToken, type TokenType } from "chevrotain";

/*
 * Tokens of a time span (systemd.time(7) "Parsing Time Spans"). Units are
 * listed in the order time-util.c extract_multiplier() tries them: the first
 * listed prefix wins, not the longest word ("5mins" is "5min" followed by a
 * stray "s", which systemd rejects).
 */
export const UNITS: readonly (readonly [string, bigint])[] = [
  ["seconds", 1_000_000n],
  ["second", 1_000_000n],
  ["sec", 1_000_000n],
  ["s", 1_000_000n],
  ["minutes", 60_000_000n],
  ["minute", 60_000_000n],
  ["min", 60_000_000n],
  ["months", 2_629_800_000_000n],
  ["month", 2_629_800_000_000n],
  ["M", 2_629_800_000_000n],
  ["msec", 1_000n],
  ["ms", 1_000n],
  ["m", 60_000_000n],
  ["hours", 3_600_000_000n],
  ["hour", 3_600_000_000n],
  ["hr", 3_600_000_000n],
  ["h", 3_600_000_000n],
  ["days", 86_400_000_000n],
  ["day", 86_400_000_000n],
  ["d", 86_400_000_000n],
  ["weeks", 604_800_000_000n],
  ["week", 604_800_000_000n],
  ["w", 604_800_000_000n],
  ["years", 31_557_600_000_000n],
  ["year", 31_557_600_000_000n],
  ["y", 31_557_600_000_000n],
  ["usec", 1n],
  ["us", 1n],
  ["µs", 1n],
];

/** time-util.h WHITESPACE: what systemd skips between parts */
export const Blank = createToken({ name: "Blank", pattern: /[ \t\n\r]+/ });
export const Infinity_ = createToken({ name: "Infinity", pattern: /infinity/ });
export const Minus = createToken({ name: "Minus", pattern: /-/ });
/** strtoll(): more leading blanks (\v, \f) and a '+' sign are its business */
export const Int = createToken({ name: "Int", pattern: /[\v\f][ \t\n\r\v\f]*\+?[0-9]+|\+?[0-9]+/ });
export const Frac = createToken({ name: "Frac", pattern: /\.[0-9]*/ });
export const Unit = createToken({ name: "Unit", pattern: new RegExp(UNITS.map(([u]) => u).join("|")) });
export const Other = createToken({ name: "Other", pattern: /[^]/ });

const timespanTokens: TokenType[] = [Blank, Infinity_, Minus, Int, Frac, Unit, Other];

/** Each token type with its pattern made sticky, matched at the offset reached. */
const sticky = timespanTokens.map((type) => ({ type, re: new RegExp((type.PATTERN as RegExp).source, "y") }));

/**
 * The tokens of a time span, as Chevrotain's lexer gave them for these token
 * types (the first that matches wins; `Other` matches any character, so every
 * character is in a token). Written out by hand: building Chevrotain's lexer
 * cost some 10 ms of a run's start-up, for the first time span it read.
 */
export function tokenizeTimespan(text: string): IToken[] {
  const tokens: IToken[] = [];
  let offset = 0;
  while (offset < text.length) {
    for (const { type, re } of sticky) {
      re.lastIndex = offset;
      const m = re.exec(text);
      if (m === null || m[0].length === 0) continue;
      tokens.push({ image: m[0], startOffset: offset, tokenTypeIdx: type.tokenTypeIdx, tokenType: type } as IToken);
      offset += m[0].length;
      break;
    }
  }
  return tokens;
}
