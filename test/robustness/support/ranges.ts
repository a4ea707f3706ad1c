import { expect } from "vitest";
import { type LineEnds, SourceText } from "../../../src/core/source.js";

/**
 * Every range reachable from `value` lies inside a text of `length` UTF-16
 * units: properties named `range` or `…Range`, and text edits (`edits`).
 * `slack` allows ends past the text (a caret just after the end, where a
 * missing character is expected). Walks plain objects and arrays only, once each (ASTs point back at their
 * source), and returns how many ranges it checked.
 */
export function expectRangesInside(value: unknown, length: number, where = "result", slack = 0): number {
  let checked = 0;
  const seen = new Set<object>();
  const check = (r: unknown, path: string) => {
    if (!r || typeof r !== "object") return;
    const { start, end } = r as { start?: unknown; end?: unknown };
    if (typeof start !== "number" || typeof end !== "number") return;
    checked++;
    if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= length + slack)) {
      expect.fail(`${path}: range ${start}..${end} is not inside 0..${length}`);
    }
  };
  const walk = (v: unknown, path: string, depth: number) => {
    if (!v || typeof v !== "object" || seen.has(v) || depth > 64) return;
    seen.add(v);
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, `${path}[${i}]`, depth + 1));
      return;
    }
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return;
    for (const [k, x] of Object.entries(v)) {
      if (k === "range" || k.endsWith("Range")) check(x, `${path}.${k}`);
      if (k === "edits" && Array.isArray(x)) x.forEach((e, i) => check(e, `${path}.edits[${i}]`));
      walk(x, `${path}.${k}`, depth + 1);
    }
  };
  walk(value, where, 0);
  return checked;
}

/**
 * 1-based line/column pairs stay inside the text, lines counted as the file's
 * reader counts them: systemd's (NUL ends a line too) for unit files, cron's
 * (\n only) for crontabs. The column is at most one past the line's text;
 * a crontab line's text keeps its \r (cron reads it as part of the line).
 */
export function expectLineColumnInside(text: string, p: { line: number; column: number }, what: string, lineEnds: LineEnds = "systemd"): void {
  const src = new SourceText("x", text, lineEnds);
  const lineOk = p.line >= 1 && p.line <= src.lineCount;
  let length = 0;
  if (lineOk && lineEnds === "newline") {
    const start = src.offsetAt({ line: p.line, column: 1 });
    const next = p.line < src.lineCount ? src.offsetAt({ line: p.line + 1, column: 1 }) - 1 : text.length;
    length = next - start;
  } else if (lineOk) length = src.lineText(p.line).length;
  if (!(lineOk && p.column >= 1 && p.column <= length + 1)) {
    expect.fail(`${what}: ${p.line}:${p.column} is outside the text (${src.lineCount} lines)`);
  }
}
