import { Lexer, type IToken, type TokenType } from "chevrotain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calendarLexer } from "../../src/calendar/parser/lexer.js";
import { allTokens } from "../../src/calendar/parser/tokens.js";
import { cronLexer, cronTokens } from "../../src/calendar/cron/tokens.js";
import { MAN_CALENDAR_EXAMPLES } from "./support/man-examples.js";
import { anySpec } from "./support/arbitraries.js";

// The calendar and cron lexers match Chevrotain's token types by hand (src/calendar/parser/match-tokens.ts).
// They must give what Chevrotain's own Lexer gives for the same types, up to the first place nothing matches
// (the only part the parsers read).
function chevrotain(types: TokenType[]): (text: string) => { tokens: IToken[]; errorAt: number | undefined } {
  const lexer = new Lexer(types, { positionTracking: "onlyOffset", ensureOptimizations: false });
  return (text) => {
    const r = lexer.tokenize(text);
    const errorAt = r.errors[0]?.offset;
    return { tokens: errorAt === undefined ? r.tokens : r.tokens.filter((t) => t.startOffset < errorAt), errorAt };
  };
}
const simple = (tokens: IToken[]) => tokens.map((t) => [t.tokenType.name, t.image, t.startOffset, t.tokenTypeIdx]);

const CALENDAR_CHARS = [..."0123456789 *-~:,./@+\t\nMTWFSmtwfsondayurihcUTCxzZ~é"];
const CRON_CHARS = [..."0123456789 \t*,-/@abcdefghijklmnopqrstuvwxyzJFMASOND?#L"];
const textOf = (chars: string[]) => fc.array(fc.constantFrom(...chars), { maxLength: 30 }).map((a) => a.join(""));

describe("hand-matched lexers give Chevrotain's tokens", () => {
  const reference = chevrotain(allTokens);
  const ours = (text: string) => {
    const r = calendarLexer().tokenize(text);
    return { tokens: r.tokens, errorAt: r.errors[0]?.offset };
  };
  const same = (text: string) => {
    const a = ours(text);
    const b = reference(text);
    expect(simple(a.tokens), text).toEqual(simple(b.tokens));
    expect(a.errorAt, text).toBe(b.errorAt);
  };

  it("calendar: the manual's examples and weekday words (longer_alt)", () => {
    for (const text of [...MAN_CALENDAR_EXAMPLES, "Monday", "mon", "MONDAY", "Mondays", "Sunxyz", "fri..sun", "@1234", "@ +12", "", "  ", "Mo"]) same(text);
  });

  it("calendar: random texts and specs", () => {
    fc.assert(
      fc.property(fc.oneof(textOf(CALENDAR_CHARS), anySpec, fc.string({ maxLength: 20 })), (text) => same(text)),
      { numRuns: 10_000 },
    );
  });

  it("cron: random fields", () => {
    const ref = chevrotain(cronTokens);
    fc.assert(
      fc.property(fc.oneof(textOf(CRON_CHARS), fc.string({ maxLength: 20 })), (text) => {
        const a = cronLexer().tokenize(text);
        const b = ref(text);
        expect(simple(a.tokens), text).toEqual(simple(b.tokens));
        expect(a.errors[0]?.offset, text).toBe(b.errorAt);
      }),
      { numRuns: 10_000 },
    );
  });
});
