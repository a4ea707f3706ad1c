import { createToken, type TokenType } from "chevrotain";

/*
 * Tokens of the date/time part of a calendar spec (systemd.time(7)). The zone
 * suffix and the shorthands ("daily") are split off before lexing, on the whole
 * string, exactly as calendar_spec_from_string() does.
 */

/** Only the space character separates parts; systemd does not accept tabs there. */
export const Spaces = createToken({ name: "Spaces", pattern: / +/, label: "' '" });
export const Word = createToken({ name: "Word", pattern: /[A-Za-z]+/, label: "a word" });
export const Weekday = createToken({
  name: "Weekday",
  pattern: /monday|mon|tuesday|tue|wednesday|wed|thursday|thu|friday|fri|saturday|sat|sunday|sun/i,
  longer_alt: Word,
  label: "a weekday name",
});
/** "@" and seconds since the epoch; strtoul() also takes leading blanks and a sign. */
export const Timestamp = createToken({ name: "Timestamp", pattern: /@[ \t\n\v\f\r]*[+-]?[0-9]+/, label: "@SECONDS" });
export const Num = createToken({ name: "Num", pattern: /[0-9]+/, label: "a number" });
export const DotDot = createToken({ name: "DotDot", pattern: /\.\./, label: "'..'" });
export const Dot = createToken({ name: "Dot", pattern: /\./, label: "'.'" });
export const Comma = createToken({ name: "Comma", pattern: /,/, label: "','" });
export const Dash = createToken({ name: "Dash", pattern: /-/, label: "'-'" });
export const Tilde = createToken({ name: "Tilde", pattern: /~/, label: "'~'" });
export const Colon = createToken({ name: "Colon", pattern: /:/, label: "':'" });
export const Slash = createToken({ name: "Slash", pattern: /\//, label: "'/'" });
export const Star = createToken({ name: "Star", pattern: /\*/, label: "'*'" });

export const allTokens: TokenType[] = [Spaces, Weekday, Word, Timestamp, Num, DotDot, Dot, Comma, Dash, Tilde, Colon, Slash, Star];
