import type { Range } from "../core/range.js";

/** A JSON value with the source range of its text (strings include their quotes). */
export type JsonNode =
  | { type: "object"; range: Range; members: JsonMember[] }
  | { type: "array"; range: Range; items: JsonNode[] }
  | { type: "string"; range: Range; value: string }
  | { type: "number"; range: Range; value: number }
  | { type: "boolean"; range: Range; value: boolean }
  | { type: "null"; range: Range };

export interface JsonMember {
  key: string;
  keyRange: Range;
  value: JsonNode;
}

export type JsonParseResult = { ok: true; value: JsonNode } | { ok: false; error: { message: string; range: Range } };

class JsonFail {
  constructor(
    readonly message: string,
    readonly at: number,
    readonly end = at + 1,
  ) {}
}

const ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/** Deeper nesting than this is not a job file; stop before the call stack does. */
const MAX_DEPTH = 256;

/**
 * RFC 8259 JSON, keeping the range of every key and value so findings can
 * point at the exact spot. Duplicate keys are kept (rules decide); a leading
 * BOM is skipped. Never throws.
 */
export function parseJson(text: string): JsonParseResult {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const ws = () => {
    while (i < text.length && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
  };
  const describe = () => (i >= text.length ? "end of file" : `'${text[i]}'`);

  const str = (): { value: string; range: Range } => {
    const start = i++;
    let out = "";
    for (;;) {
      if (i >= text.length) throw new JsonFail("unterminated string", start, i);
      const c = text[i]!;
      if (c === '"') break;
      if (c.charCodeAt(0) < 0x20) throw new JsonFail("control character in a string (write it as an escape such as \\n)", i);
      if (c === "\\") {
        const e = text[i + 1];
        if (e === "u") {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonFail("\\u needs four hex digits", i, i + 2);
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
          continue;
        }
        const rep = e === undefined ? undefined : ESCAPES[e];
        if (rep === undefined) throw new JsonFail(`invalid escape '\\${e ?? ""}'`, i, i + 2);
        out += rep;
        i += 2;
        continue;
      }
      out += c;
      i++;
    }
    i++;
    return { value: out, range: { start, end: i } };
  };

  const value = (depth: number): JsonNode => {
    if (depth > MAX_DEPTH) throw new JsonFail(`nested deeper than ${MAX_DEPTH} levels`, i);
    ws();
    const start = i;
    const c = text[i];
    if (c === "{") {
      i++;
      const members: JsonMember[] = [];
      ws();
      if (text[i] === "}") {
        i++;
        return { type: "object", range: { start, end: i }, members };
      }
      for (;;) {
        ws();
        if (text[i] !== '"') throw new JsonFail(`expected a key in double quotes, found ${describe()}`, i);
        const k = str();
        ws();
        if (text[i] !== ":") throw new JsonFail(`expected ':' after the key "${k.value}", found ${describe()}`, i);
        i++;
        members.push({ key: k.value, keyRange: k.range, value: value(depth + 1) });
        ws();
        if (text[i] === ",") {
          const comma = i++;
          ws();
          if (text[i] === "}") throw new JsonFail("trailing comma before '}'", comma);
          continue;
        }
        if (text[i] === "}") {
          i++;
          return { type: "object", range: { start, end: i }, members };
        }
        throw new JsonFail(`expected ',' or '}', found ${describe()}`, i);
      }
    }
    if (c === "[") {
      i++;
      const items: JsonNode[] = [];
      ws();
      if (text[i] === "]") {
        i++;
        return { type: "array", range: { start, end: i }, items };
      }
      for (;;) {
        items.push(value(depth + 1));
        ws();
        if (text[i] === ",") {
          const comma = i++;
          ws();
          if (text[i] === "]") throw new JsonFail("trailing comma before ']'", comma);
          continue;
        }
        if (text[i] === "]") {
          i++;
          return { type: "array", range: { start, end: i }, items };
        }
        throw new JsonFail(`expected ',' or ']', found ${describe()}`, i);
      }
    }
    if (c === '"') {
      const s = str();
      return { type: "string", range: s.range, value: s.value };
    }
    for (const [word, node] of [
      ["true", { type: "boolean", value: true }],
      ["false", { type: "boolean", value: false }],
      ["null", { type: "null" }],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return { ...node, range: { start, end: i } };
      }
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m) {
      i += m[0].length;
      return { type: "number", range: { start, end: i }, value: Number(m[0]) };
    }
    throw new JsonFail(`expected a value, found ${describe()}`, i);
  };

  try {
    const v = value(0);
    ws();
    if (i < text.length) throw new JsonFail(`unexpected ${describe()} after the value`, i);
    return { ok: true, value: v };
  } catch (e) {
    if (e instanceof JsonFail) return { ok: false, error: { message: e.message, range: { start: Math.min(e.at, text.length), end: Math.min(Math.max(e.end, e.at), text.length) } } };
    if (e instanceof RangeError) return { ok: false, error: { message: "the file is nested too deeply", range: { start: 0, end: 0 } } };
    throw e;
  }
}

/** The last member named `key` (JSON.parse keeps the last of duplicates). */
export function member(node: JsonNode, key: string): JsonMember | undefined {
  if (node.type !== "object") return undefined;
  for (let k = node.members.length - 1; k >= 0; k--) if (node.members[k]!.key === key) return node.members[k];
  return undefined;
}

/**
 * The source range of characters [from, to) of a string node's decoded
 * value, walking its escapes, so a finding can underline one cron field
 * inside "schedule": "0 25 * * *".
 */
export function stringValueRange(text: string, node: Extract<JsonNode, { type: "string" }>, from: number, to: number): Range {
  let raw = node.range.start + 1;
  let decoded = 0;
  let start = raw;
  const end = node.range.end - 1;
  while (raw < end && decoded < to) {
    if (decoded === from) start = raw;
    raw += text[raw] === "\\" ? (text[raw + 1] === "u" ? 6 : 2) : 1;
    decoded++;
  }
  if (decoded <= from) start = raw;
  return { start, end: Math.max(start, raw) };
}
