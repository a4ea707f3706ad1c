import type { IToken } from "chevrotain";
import type { Range } from "../../core/range.js";
import { cronLexer } from "./tokens.js";
import { cronFieldGrammar } from "./grammar.js";
import {
  CRON_BOUNDS,
  CRON_FIELDS,
  type CronExpression,
  type CronField,
  type CronFieldName,
  type CronItemNode,
  type CronParseResult,
  type CronSpecial,
} from "./model.js";
import type { CstNode } from "chevrotain";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const SPECIALS: CronSpecial[] = ["@reboot", "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"];

class CronFail {
  constructor(
    readonly message: string,
    readonly range: Range,
    readonly field?: CronFieldName,
  ) {}
}

const FIELD_LABEL: Record<CronFieldName, string> = { minute: "minute", hour: "hour", dayOfMonth: "day of month", month: "month", dayOfWeek: "day of week" };

function valueOf(tok: IToken, field: CronFieldName, offset: number): number {
  const range = { start: offset + tok.startOffset, end: offset + tok.startOffset + tok.image.length };
  let v: number;
  if (tok.tokenType.name === "CronNum") v = Number(tok.image);
  else {
    const names = field === "month" ? MONTHS : field === "dayOfWeek" ? DAYS : [];
    v = names.indexOf(tok.image.toLowerCase());
    if (v < 0)
      throw new CronFail(
        names.length ? `'${tok.image}' is not a ${FIELD_LABEL[field]} name (${names.join(", ")})` : `names are only allowed for months and weekdays`,
        range,
        field,
      );
    if (field === "month") v++;
  }
  const [lo, hi] = CRON_BOUNDS[field];
  if (v < lo || v > hi) throw new CronFail(`${FIELD_LABEL[field]} ${tok.image} is outside ${lo}-${hi}`, range, field);
  return v;
}

function field(name: CronFieldName, text: string, offset: number): CronField {
  const range = { start: offset, end: offset + text.length };
  const lexed = cronLexer().tokenize(text);
  const bad = lexed.tokens.find((t) => t.tokenType.name === "CronOther" || t.tokenType.name === "Special");
  if (bad)
    throw new CronFail(
      `unexpected '${bad.image}' in the ${FIELD_LABEL[name]} field`,
      { start: offset + bad.startOffset, end: offset + bad.startOffset + bad.image.length },
      name,
    );
  const grammar = cronFieldGrammar();
  grammar.input = lexed.tokens;
  const cst = grammar.field();
  const err = grammar.errors[0];
  if (err) {
    const at = Number.isFinite(err.token.startOffset) ? err.token.startOffset : text.length;
    throw new CronFail(
      `${FIELD_LABEL[name]} field '${text}' is not a cron list (values, a-b ranges, */n or a-b/n steps)`,
      { start: offset + at, end: offset + Math.max(at + 1, text.length) },
      name,
    );
  }
  const [lo, hi] = CRON_BOUNDS[name];
  const set = new Set<number>();
  const items: CronItemNode[] = [];
  for (const item of (cst.children["item"] ?? []) as CstNode[]) {
    const k = item.children as Record<string, IToken[] | CstNode[] | undefined>;
    const star = (k["CronStar"] as IToken[] | undefined)?.[0];
    const values = ((k["value"] as CstNode[] | undefined) ?? []).map((v) => ((v.children["CronNum"] ?? v.children["CronName"]) as IToken[])[0]!);
    const stepTok = (k["CronNum"] as IToken[] | undefined)?.[0];
    const first = star ?? values[0]!;
    const last = stepTok ?? values[values.length - 1] ?? star!;
    const r = { start: offset + first.startOffset, end: offset + last.startOffset + last.image.length };
    const node: CronItemNode = { range: r, star: !!star };
    let from = lo;
    let to = name === "dayOfWeek" ? 6 : hi;
    if (!star) {
      from = valueOf(values[0]!, name, offset);
      to = values[1] ? valueOf(values[1], name, offset) : from;
      node.from = from;
      node.to = to;
      if (to < from) throw new CronFail(`range ${values[0]!.image}-${values[1]!.image} runs backwards`, r, name);
      if (stepTok && !values[1])
        throw new CronFail(
          `'${values[0]!.image}/${stepTok.image}' is not standard cron; write ${values[0]!.image}-${name === "dayOfWeek" ? 7 : hi}/${stepTok.image}`,
          r,
          name,
        );
    }
    let step = 1;
    if (stepTok) {
      step = Number(stepTok.image);
      node.step = step;
      if (step === 0) throw new CronFail(`a step of 0 never advances`, r, name);
    }
    for (let v = from; v <= to; v += step) set.add(name === "dayOfWeek" && v === 7 ? 0 : v);
    items.push(node);
  }
  return { name, text, range, items, startsWithStar: text.startsWith("*"), values: [...set].sort((a, b) => a - b) };
}

/**
 * Parse a cron expression as crontab(5) (Vixie cron, cronie) reads a schedule:
 * five blank-separated fields, or one of the @ shorthands. Never throws.
 */
export function parseCron(text: string): CronParseResult {
  try {
    const trimmed = text.replace(/^[ \t]+/, "");
    const lead = text.length - trimmed.length;
    if (trimmed.startsWith("@")) {
      const word = /^@\S*/.exec(trimmed)![0];
      // cron compares the shorthand with strcmp(): @DAILY and @Hourly are rejected like any unknown word
      const special = SPECIALS.find((s) => s === word);
      const upper = SPECIALS.find((s) => s === word.toLowerCase());
      if (!special && upper)
        throw new CronFail(`cron shorthands are lower case: cron rejects '${word}'; write '${upper}'`, { start: lead, end: lead + word.length });
      if (!special) throw new CronFail(`unknown cron shorthand '${word}' (${SPECIALS.join(", ")})`, { start: lead, end: lead + word.length });
      const rest = trimmed.slice(word.length).trim();
      const cron: CronExpression = { text, special };
      if (rest) cron.command = rest;
      return { ok: true, cron };
    }
    const parts: { text: string; start: number }[] = [];
    const re = /[^ \t]+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) && parts.length < 5) parts.push({ text: m[0], start: m.index });
    if (parts.length < 5)
      throw new CronFail(`a cron expression has five fields (minute hour day-of-month month day-of-week), found ${parts.length}`, {
        start: 0,
        end: text.length,
      });
    const fields = {} as Record<CronFieldName, CronField>;
    CRON_FIELDS.forEach((name, i) => {
      fields[name] = field(name, parts[i]!.text, parts[i]!.start);
    });
    const cron: CronExpression = { text, fields };
    const command = text.slice(parts[4]!.start + parts[4]!.text.length).trim();
    if (command) cron.command = command;
    return { ok: true, cron };
  } catch (e) {
    if (e instanceof CronFail) {
      const error: { message: string; range: Range; field?: CronFieldName } = { message: e.message, range: e.range };
      if (e.field) error.field = e.field;
      return { ok: false, error };
    }
    throw e;
  }
}
