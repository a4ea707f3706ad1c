import type { CstNode, IToken } from "chevrotain";
import type { Range } from "../../core/range.js";
import type { CalendarBodyNode, ChainNode, ComponentNode, GroupNode, Separator, ValueNode, WeekdayNode, WeekdayRunNode, WeekdaysNode } from "./ast.js";

/*
 * The only file that knows the CST shapes of grammar.ts. Chevrotain's end
 * offsets are inclusive; ranges here are half-open.
 */

type Children = Record<string, (CstNode | IToken)[] | undefined>;

const kids = (n: CstNode) => n.children as Children;
const nodes = (n: CstNode, key: string) => (kids(n)[key] ?? []) as CstNode[];
const toks = (n: CstNode, key: string) => (kids(n)[key] ?? []) as IToken[];
const tokRange = (t: IToken): Range => ({ start: t.startOffset, end: t.startOffset + t.image.length });
const span = (a: Range, b: Range): Range => ({ start: a.start, end: b.end });

const WEEKDAY_NUMBERS: Record<string, number> = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6 };

function weekday(t: IToken): WeekdayNode {
  return { range: tokRange(t), day: WEEKDAY_NUMBERS[t.image.slice(0, 3).toLowerCase()]! };
}

function weekdayRun(n: CstNode): WeekdayRunNode {
  const [from, to] = toks(n, "Weekday");
  const sep = toks(n, "DotDot")[0] ?? toks(n, "Dash")[0];
  const run: WeekdayRunNode = { range: tokRange(from!), from: weekday(from!) };
  if (sep && to) {
    run.rangeKind = sep.image === ".." ? ".." : "-";
    run.to = weekday(to);
    run.range = span(run.range, tokRange(to));
  }
  return run;
}

function weekdays(n: CstNode): WeekdaysNode {
  const runs = nodes(n, "weekdayRun").map(weekdayRun);
  const commas = toks(n, "Comma");
  const trailingComma = commas.length === runs.length;
  const last = trailingComma ? tokRange(commas[commas.length - 1]!) : runs[runs.length - 1]!.range;
  return { range: span(runs[0]!.range, last), runs, trailingComma };
}

function value(n: CstNode): ValueNode {
  const [int, frac] = toks(n, "Num");
  const v: ValueNode = { range: tokRange(int!), digits: int!.image };
  if (frac) {
    v.fraction = frac.image;
    v.range = span(v.range, tokRange(frac));
  }
  return v;
}

function component(n: CstNode): ComponentNode {
  const values = nodes(n, "value").map(value);
  const hasStop = toks(n, "DotDot").length > 0;
  const hasRepeat = toks(n, "Slash").length > 0;
  const c: ComponentNode = { range: span(values[0]!.range, values[values.length - 1]!.range), start: values[0]! };
  let i = 1;
  if (hasStop) c.stop = values[i++];
  if (hasRepeat) c.repeat = values[i++];
  return c;
}

function chain(n: CstNode): ChainNode {
  const star = toks(n, "Star")[0];
  if (star) return { range: tokRange(star), star: true, components: [] };
  const components = nodes(n, "component").map(component);
  return { range: span(components[0]!.range, components[components.length - 1]!.range), star: false, components };
}

function group(n: CstNode): GroupNode {
  const chains = nodes(n, "chain").map(chain);
  const seps = [...toks(n, "Dash"), ...toks(n, "Tilde"), ...toks(n, "Colon")].sort((a, b) => a.startOffset - b.startOffset);
  return {
    range: span(chains[0]!.range, chains[chains.length - 1]!.range),
    chains,
    separators: seps.map((t) => ({ kind: t.image as Separator, range: tokRange(t) })),
  };
}

export function buildBody(cst: CstNode, length: number): CalendarBodyNode {
  const body: CalendarBodyNode = { range: { start: 0, end: length }, groups: [], spaceAfter: [] };
  const wd = nodes(cst, "weekdays")[0];
  if (wd) body.weekdays = weekdays(wd);
  const rest = nodes(cst, "rest")[0];
  if (rest) {
    const ts = toks(rest, "Timestamp")[0];
    if (ts) body.timestamp = { range: tokRange(ts), text: ts.image };
    const groups = nodes(rest, "group");
    const spaces = toks(rest, "Spaces");
    groups.forEach((g, i) => {
      body.groups.push(group(g));
      body.spaceAfter.push(spaces.length > i);
    });
  }
  return body;
}
