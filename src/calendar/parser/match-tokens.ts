import type { IToken, TokenType } from "chevrotain";

/** What a lexer gives the grammar: its tokens, and where no token type matched (the first such place only). */
export interface LexResult {
  tokens: IToken[];
  errors: { offset: number }[];
}

interface Matcher {
  type: TokenType;
  re: RegExp;
  longer: Matcher[];
}

/**
 * A lexer for one mode of Chevrotain token types, matching as Chevrotain's
 * `Lexer` does (positionTracking "onlyOffset"): at each offset the first
 * token type in the list whose pattern matches wins; if that type names
 * `longer_alt` types, the first of them whose match is longer takes its
 * place. Where nothing matches, lexing stops: the callers read only the
 * tokens before the first error. Written out by hand because building
 * Chevrotain's `Lexer` (pattern analysis, a 65,536-entry character table)
 * cost a calendar run several milliseconds of its start-up, for a lexer that
 * then reads a dozen characters (docs/decisions.md, "Chevrotain for the
 * grammars"). The token types stay Chevrotain's; the grammars consume them.
 */
export function tokenMatcher(types: readonly TokenType[]): (text: string) => LexResult {
  let matchers: Matcher[] | undefined;
  const build = (): Matcher[] => {
    const byType = new Map<TokenType, Matcher>();
    for (const type of types) {
      const pattern = type.PATTERN as RegExp;
      byType.set(type, { type, re: new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, "") + "y"), longer: [] });
    }
    for (const type of types) {
      const alts = type.LONGER_ALT === undefined ? [] : Array.isArray(type.LONGER_ALT) ? type.LONGER_ALT : [type.LONGER_ALT];
      byType.get(type)!.longer = alts.map((t) => byType.get(t)!);
    }
    return [...byType.values()];
  };
  const at = (re: RegExp, text: string, offset: number): string | undefined => {
    re.lastIndex = offset;
    const m = re.exec(text);
    return m === null ? undefined : m[0];
  };
  return (text) => {
    matchers ??= build();
    const tokens: IToken[] = [];
    let offset = 0;
    next: while (offset < text.length) {
      for (const m of matchers) {
        let image = at(m.re, text, offset);
        if (image === undefined) continue;
        let type = m.type;
        for (const alt of m.longer) {
          const longer = at(alt.re, text, offset);
          if (longer !== undefined && longer.length > image.length) {
            image = longer;
            type = alt.type;
            break;
          }
        }
        tokens.push({ image, startOffset: offset, tokenTypeIdx: type.tokenTypeIdx, tokenType: type } as IToken);
        offset += image.length;
        continue next;
      }
      return { tokens, errors: [{ offset }] };
    }
    return { tokens, errors: [] };
  };
}
