import { createToken, type TokenType } from "chevrotain";
import { tokenMatcher, type LexResult } from "../parser/match-tokens.js";

/* Tokens of a standard five-field cron expression (crontab(5), Vixie/cronie). */
export const Blank = createToken({ name: "Blank", pattern: /[ \t]+/, label: "a space" });
export const Special = createToken({ name: "Special", pattern: /@[A-Za-z]+/, label: "@daily, @hourly, …" });
export const CronNum = createToken({ name: "CronNum", pattern: /[0-9]+/, label: "a number" });
export const CronName = createToken({ name: "CronName", pattern: /[A-Za-z]+/, label: "a month or weekday name" });
export const CronStar = createToken({ name: "CronStar", pattern: /\*/, label: "'*'" });
export const CronComma = createToken({ name: "CronComma", pattern: /,/, label: "','" });
export const CronDash = createToken({ name: "CronDash", pattern: /-/, label: "'-'" });
export const CronSlash = createToken({ name: "CronSlash", pattern: /\//, label: "'/'" });
export const CronOther = createToken({ name: "CronOther", pattern: /[^ \t]/, label: "a character" });

export const cronTokens: TokenType[] = [Blank, Special, CronNum, CronName, CronStar, CronComma, CronDash, CronSlash, CronOther];
const tokenize = tokenMatcher(cronTokens);

/** The cron lexer: Chevrotain's matching of these token types (../parser/match-tokens.ts), without building its `Lexer`. */
export function cronLexer(): { tokenize(text: string): LexResult } {
  return { tokenize };
}
