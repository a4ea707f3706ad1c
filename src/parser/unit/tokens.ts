import { createToken, type TokenType } from "chevrotain";

/*
 * Every physical line is exactly one token, line ending included, so the token
 * stream covers the input byte for byte. systemd (config_parse() in
 * src/shared/conf-parser.c) reads a file line by line: a line whose first
 * non-blank character is `#` or `;` is skipped, wherever it is; any other line
 * ending in an unescaped backslash continues on the next one. So a line's kind
 * depends only on its own text and on whether the line before continued: the
 * lexer tracks that with two modes instead of looking back at earlier tokens.
 *
 * The lexer (lexer.ts) tries a mode's patterns in the order listed, first match
 * wins, as Chevrotain's lexer would; it is written out by hand because building
 * Chevrotain's lexer for these six tokens took a good part of a one-file run's
 * start-up. The token types stay Chevrotain's: the grammar consumes them.
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

// At the start of a logical line.
export const CommentLine = createToken({ name: "CommentLine", pattern: COMMENT, line_breaks: true });
export const Line = createToken({ name: "Line", pattern: FINAL, line_breaks: true });
export const ContinuedLine = createToken({ name: "ContinuedLine", pattern: CONTINUED, line_breaks: true });

// After a line that continues.
export const ContinuationComment = createToken({ name: "ContinuationComment", pattern: COMMENT, line_breaks: true });
export const LastContinuationLine = createToken({ name: "LastContinuationLine", pattern: FINAL, line_breaks: true });
export const ContinuationLine = createToken({ name: "ContinuationLine", pattern: CONTINUED, line_breaks: true });

/** The patterns of each mode, in the order tried: a comment line also matches the other patterns. */
export const logicalStartMode: TokenType[] = [CommentLine, Line, ContinuedLine];
export const continuationMode: TokenType[] = [ContinuationComment, LastContinuationLine, ContinuationLine];

export const allTokens: TokenType[] = [CommentLine, Line, ContinuedLine, ContinuationComment, LastContinuationLine, ContinuationLine];
