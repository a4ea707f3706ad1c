import { createToken, Lexer, type TokenType } from "chevrotain";

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
let lexer: Lexer | undefined;
export function cronLexer(): Lexer {
  return (lexer ??= new Lexer(cronTokens, { positionTracking: "onlyOffset", ensureOptimizations: false, skipValidations: true }));
}
