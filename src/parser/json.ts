import { parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import type { Range } from "../core/range.js";

// Strict JSON with the source range of every key and value, for the config
// loader and the job files: jsonc-parser (comments and trailing commas off)
// does the parsing; this adapter turns its tree into JsonNode and its first
// error into a message that says what was expected and what was found.

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

/** Deeper nesting than this is not a config or job file; refused before parsing, so nothing recurses that deep. */
const MAX_DEPTH = 256;

/**
 * RFC 8259 JSON, keeping the range of every key and value so findings can
 * point at the exact spot. Duplicate keys are kept (rules decide); a leading
 * BOM is skipped. Never throws.
 */
export function parseJson(text: string): JsonParseResult {
  // a BOM is not JSON whitespace for jsonc-parser; a blank in its place keeps every offset
  const source = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  const tooDeep = nestingBeyond(source, MAX_DEPTH);
  if (tooDeep !== undefined) return failure(text, `nested deeper than ${MAX_DEPTH} levels`, tooDeep, tooDeep + 1);
  const errors: ParseError[] = [];
  const root = parseTree(source, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors.reduce<ParseError | undefined>((a, e) => (a === undefined || e.offset < a.offset ? e : a), undefined);
  if (first) return describeError(source, first, root);
  if (!root) return failure(text, "expected a value, found end of file", text.length, text.length);
  return { ok: true, value: toNode(root) };
}

function toNode(n: Node): JsonNode {
  const range = { start: n.offset, end: n.offset + n.length };
  switch (n.type) {
    case "object":
      return {
        type: "object",
        range,
        members: (n.children ?? []).map((p) => {
          const [key, value] = p.children as [Node, Node];
          return { key: key.value as string, keyRange: { start: key.offset, end: key.offset + key.length }, value: toNode(value) };
        }),
      };
    case "array":
      return { type: "array", range, items: (n.children ?? []).map(toNode) };
    case "string":
      return { type: "string", range, value: n.value as string };
    case "number":
      return { type: "number", range, value: n.value as number };
    case "boolean":
      return { type: "boolean", range, value: n.value as boolean };
    default:
      return { type: "null", range };
  }
}

function failure(text: string, message: string, start: number, end: number): JsonParseResult {
  const s = Math.min(start, text.length);
  return { ok: false, error: { message, range: { start: s, end: Math.min(Math.max(end, s), text.length) } } };
}

/** jsonc-parser's first error as a message in our words, at the spot it names. */
function describeError(text: string, e: ParseError, root: Node | undefined): JsonParseResult {
  const at = e.offset;
  const found = at >= text.length ? "end of file" : `'${text[at]}'`;
  const fail = (message: string, start = at, end = at + Math.max(e.length, 1)) => failure(text, message, start, end);
  const prev = previousSignificant(text, at);
  const container = enclosing(text, at);
  const wantsKey = text[prev] === "{" || (text[prev] === "," && container === "{");
  const expected = () => (wantsKey ? `expected a key in double quotes, found ${found}` : `expected a value, found ${found}`);
  switch (printParseErrorCode(e.error)) {
    case "PropertyNameExpected":
    case "ValueExpected":
      if (text[prev] === "," && (text[at] === "}" || text[at] === "]")) return fail(`trailing comma before '${text[at]}'`, prev, prev + 1);
      return fail(expected(), at, at + 1);
    case "InvalidSymbol":
      return fail(
        text[prev] === "{" || text[prev] === "[" || text[prev] === "," || text[prev] === ":" || prev < 0 ? expected() : `unexpected ${found}`,
        at,
        at + 1,
      );
    case "InvalidCommentToken":
      return fail("comments are not allowed in JSON");
    case "ColonExpected":
      return fail(`expected ':' after the key "${lastKeyBefore(root, at) ?? ""}", found ${found}`, at, at + 1);
    case "CommaExpected":
    case "CloseBraceExpected":
    case "CloseBracketExpected":
      return fail(`expected ',' or '${container === "{" ? "}" : "]"}', found ${found}`, at, at + 1);
    case "EndOfFileExpected":
      return fail(`unexpected ${found} after the value`, at, at + 1);
    case "UnexpectedEndOfString": {
      // jsonc-parser ends a string at a line break; JSON forbids the raw control character there
      const end = at + e.length;
      if (end < text.length) return fail("control character in a string (write it as an escape such as \\n)", end, end + 1);
      return fail("unterminated string", at, text.length);
    }
    case "InvalidCharacter": {
      const c = findInString(text, at, (i) => text.charCodeAt(i) < 0x20);
      return fail("control character in a string (write it as an escape such as \\n)", c, c + 1);
    }
    case "InvalidUnicode": {
      const c = findInString(text, at, (i) => text[i] === "\\" && text[i + 1] === "u" && !/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)));
      return fail("\\u needs four hex digits", c, c + 2);
    }
    case "InvalidEscapeCharacter": {
      const c = findInString(text, at, (i) => text[i] === "\\" && !/["\\/bfnrtu]/.test(text[i + 1] ?? ""));
      return fail(`invalid escape '\\${text[c + 1] ?? ""}'`, c, c + 2);
    }
    default:
      return fail(`not a number or value here: ${found}`);
  }
}

/** Offset of the last character before `at` that is not JSON whitespace (-1 when none). */
function previousSignificant(text: string, at: number): number {
  let i = Math.min(at, text.length) - 1;
  while (i >= 0 && " \t\n\r".includes(text[i]!)) i--;
  return i;
}

/** The bracket ('{' or '[') open at `at`, strings skipped; undefined at the top level. */
function enclosing(text: string, at: number): "{" | "[" | undefined {
  const open: string[] = [];
  for (let i = 0; i < at && i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') i = stringEnd(text, i);
    else if (c === "{" || c === "[") open.push(c);
    else if (c === "}" || c === "]") open.pop();
  }
  return open.at(-1) as "{" | "[" | undefined;
}

/** Where the first bracket deeper than `max` is, strings skipped. */
function nestingBeyond(text: string, max: number): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') i = stringEnd(text, i);
    else if (c === "{" || c === "[") {
      if (++depth > max) return i;
    } else if (c === "}" || c === "]") depth--;
  }
  return undefined;
}

/** Offset of the quote closing the string that opens at `start` (or of the line break or end that cuts it off). */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"' && text[i] !== "\n" && text[i] !== "\r") i += text[i] === "\\" ? 2 : 1;
  return Math.min(i, text.length);
}

/** The first offset in the string token at `start` where `test` holds (the token start when none does). */
function findInString(text: string, start: number, test: (i: number) => boolean): number {
  for (let i = start + 1; i < text.length && text[i] !== '"'; i += text[i] === "\\" && !test(i) ? 2 : 1) if (test(i)) return i;
  return start;
}

/** The key of the member whose key ends last before `at`, in a tree jsonc-parser built up to an error. */
function lastKeyBefore(root: Node | undefined, at: number): string | undefined {
  let best: Node | undefined;
  const stack = root ? [root] : [];
  while (stack.length) {
    const n = stack.pop()!;
    const key = n.type === "property" ? n.children?.[0] : undefined;
    if (key && key.offset + key.length <= at && (!best || key.offset > best.offset)) best = key;
    stack.push(...(n.children ?? []));
  }
  return best?.value as string | undefined;
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
