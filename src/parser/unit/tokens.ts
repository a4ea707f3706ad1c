import { createToken, type IMultiModeLexerDefinition, type TokenType } from "chevrotain";

/*
 * Every physical line is exactly one token, line ending included, so the token
 * stream covers the input byte for byte. systemd (config_parse() in
 * src/shared/conf-parser.c) reads a file line by line: a line whose first
 * non-blank character is `#` or `;` is skipped, wherever it is; any other line
 * ending in an unescaped backslash continues on the next one. So a line's kind
 * depends only on its own text and on whether the line before continued: the
 * lexer tracks that with two modes instead of looking back at earlier tokens.
 *
 * Each pattern comes with the characters it can start with, so Chevrotain
 * tries only the patterns that can match at a given character. Given as
 * hints rather than analysed from the regular expressions: the analysis took
 * most of the lexer's construction time, paid at every start-up. The lexer is
 * built with ensureOptimizations, which fails loudly if a hint goes missing.
 */

/** A line ending as systemd's read_line() ends lines: \n, \r, \r\n or \n\r, then optionally a NUL; or a lone NUL (see eolLengthAt). */
const EOL = String.raw`(?:\r\n?|\n\r?)\x00?|\x00`;
/**
 * Line text read the way systemd scans it for escapes: a backslash takes the
 * next character with it. (Written as runs of plain characters between escapes,
 * which the regular expression engine scans faster than one alternative per character.)
 */
const TEXT = String.raw`[^\\\n\r\x00]*(?:\\[^\n\r\x00][^\\\n\r\x00]*)*`;

const COMMENT = new RegExp(String.raw`[ \t]*[#;][^\n\r\x00]*(?:${EOL})?`);
/** Not continued: ends without a lone backslash (a byte-order mark is an ordinary first character here). */
const FINAL = new RegExp(String.raw`${TEXT}(?:${EOL}|$)`);
/** Ends in a backslash that escapes the line ending (or the end of the file). */
const CONTINUED = new RegExp(String.raw`${TEXT}\\(?:${EOL}|$)`);

/**
 * Every character code but `except`. Above 255 Chevrotain indexes codes in
 * buckets some 255 codes wide, so one code in every 128 reaches them all.
 */
function startCharsBut(except: number[]): number[] {
  const codes: number[] = [];
  for (let c = 0; c < 256; c++) if (!except.includes(c)) codes.push(c);
  for (let c = 256; c < 0x10000; c += 128) codes.push(c);
  codes.push(0xffff);
  return codes;
}
const COMMENT_START = [" ", "\t", "#", ";"];
const ANY_START = startCharsBut([]);
const TEXT_START = startCharsBut([0, 10, 13]);

const CONTINUATION = "continuation";
const LOGICAL_START = "logicalStart";

// At the start of a logical line.
export const CommentLine = createToken({ name: "CommentLine", pattern: COMMENT, start_chars_hint: COMMENT_START, line_breaks: true });
export const Line = createToken({ name: "Line", pattern: FINAL, start_chars_hint: ANY_START, line_breaks: true });
export const ContinuedLine = createToken({ name: "ContinuedLine", pattern: CONTINUED, start_chars_hint: TEXT_START, line_breaks: true, push_mode: CONTINUATION });

// After a line that continues.
export const ContinuationComment = createToken({ name: "ContinuationComment", pattern: COMMENT, start_chars_hint: COMMENT_START, line_breaks: true });
export const LastContinuationLine = createToken({ name: "LastContinuationLine", pattern: FINAL, start_chars_hint: ANY_START, line_breaks: true, pop_mode: true });
export const ContinuationLine = createToken({ name: "ContinuationLine", pattern: CONTINUED, start_chars_hint: TEXT_START, line_breaks: true });

/** Order within a mode matters: a comment line also matches the other patterns. */
export const lexerDefinition: IMultiModeLexerDefinition = {
  modes: {
    [LOGICAL_START]: [CommentLine, Line, ContinuedLine],
    [CONTINUATION]: [ContinuationComment, LastContinuationLine, ContinuationLine],
  },
  defaultMode: LOGICAL_START,
};

export const allTokens: TokenType[] = [CommentLine, Line, ContinuedLine, ContinuationComment, LastContinuationLine, ContinuationLine];
