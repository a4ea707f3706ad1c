import { createToken, type IToken, type TokenType } from "chevrotain";
import { eolLengthAt, isEolChar } from "../../core/source.js";

/*
 * Every physical line is exactly one token, line ending included, so the token
 * stream covers the input byte for byte. Which kind a line is depends on the
 * line before it (systemd.syntax(7): a line ending in an unescaped backslash
 * continues on the next one, and comment lines inside a continuation are
 * skipped), so the patterns look back at the tokens already matched.
 */

const BOM = 0xfeff;

/** [contentEnd, tokenEnd) of the physical line starting at `offset`. */
let cacheText = "";
let cacheOffset = -1;
let cacheContentEnd = 0;
let cacheEnd = 0;
function lineAt(text: string, offset: number): [number, number] {
  if (text === cacheText && offset === cacheOffset) return [cacheContentEnd, cacheEnd];
  let i = offset;
  while (i < text.length && !isEolChar(text.charCodeAt(i))) i++;
  const end = i + eolLengthAt(text, i);
  cacheText = text;
  cacheOffset = offset;
  cacheContentEnd = i;
  cacheEnd = end;
  return [i, end];
}

function firstNonBlank(text: string, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) break;
    i++;
  }
  return i;
}

/** An odd run of trailing backslashes: the last one escapes the line end. */
export function endsWithEscape(text: string, from: number, to: number): boolean {
  let n = 0;
  for (let i = to - 1; i >= from && text.charCodeAt(i) === 92; i--) n++;
  return n % 2 === 1;
}

function lineContentEnd(image: string): number {
  let e = image.length;
  while (e > 0 && isEolChar(image.charCodeAt(e - 1))) e--;
  return e;
}

/** Whether the line about to be matched continues the previous logical line. */
function inContinuation(tokens: IToken[]): boolean {
  const t = tokens[tokens.length - 1];
  if (!t) return false;
  const type = t.tokenType;
  // Skipped comments and stripped byte-order marks only ever occur inside a
  // continuation, and do not end it (so no need to look further back).
  if (type === ContinuationComment || type === ContinuationBom) return true;
  if (type === CommentLine || type === Bom) return false;
  const image = t.image;
  const e = lineContentEnd(image);
  if (e === image.length) return false; // no line ending: nothing follows
  return endsWithEscape(image, 0, e);
}

function atLineStartAfterBom(tokens: IToken[]): boolean {
  const last = tokens[tokens.length - 1];
  return last !== undefined && (last.tokenType === Bom || last.tokenType === ContinuationBom);
}

function match(text: string, offset: number, end: number): RegExpExecArray | null {
  if (end <= offset) return null;
  const m = [text.slice(offset, end)] as unknown as RegExpExecArray;
  return m;
}

export const Bom = createToken({
  name: "Bom",
  pattern: {
    exec: (text: string, offset: number, tokens: IToken[]) => {
      if (text.charCodeAt(offset) !== BOM) return null;
      // systemd strips the first byte-order mark found at the start of any line, once.
      if (tokens.some((t) => t.tokenType === Bom || t.tokenType === ContinuationBom)) return null;
      if (atLineStartAfterBom(tokens) || inContinuation(tokens)) return null;
      return match(text, offset, offset + 1);
    },
  },
  line_breaks: false,
});

/** A byte-order mark at the start of a continuation line (systemd strips it there too). */
export const ContinuationBom = createToken({
  name: "ContinuationBom",
  pattern: {
    exec: (text: string, offset: number, tokens: IToken[]) => {
      if (text.charCodeAt(offset) !== BOM) return null;
      if (tokens.some((t) => t.tokenType === Bom || t.tokenType === ContinuationBom)) return null;
      if (!inContinuation(tokens)) return null;
      return match(text, offset, offset + 1);
    },
  },
  line_breaks: false,
});

export const ContinuationComment = createToken({
  name: "ContinuationComment",
  pattern: {
    exec: (text: string, offset: number, tokens: IToken[]) => {
      if (!inContinuation(tokens)) return null;
      const [contentEnd, end] = lineAt(text, offset);
      const c = text.charCodeAt(firstNonBlank(text, offset, contentEnd));
      if (c !== 35 && c !== 59) return null;
      return match(text, offset, end);
    },
  },
  line_breaks: true,
});

export const ContinuationLine = createToken({
  name: "ContinuationLine",
  pattern: {
    exec: (text: string, offset: number, tokens: IToken[]) => {
      if (!inContinuation(tokens)) return null;
      const [, end] = lineAt(text, offset);
      return match(text, offset, end);
    },
  },
  line_breaks: true,
});

function hasEquals(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 61) return true;
  return false;
}

function lineKind(kind: "comment" | "section" | "blank" | "assignment" | "other"): TokenType["PATTERN"] {
  return {
    exec: (text: string, offset: number) => {
      const [contentEnd, end] = lineAt(text, offset);
      const first = firstNonBlank(text, offset, contentEnd);
      const c = first < contentEnd ? text.charCodeAt(first) : -1;
      let k: typeof kind;
      if (c === -1) k = "blank";
      else if (c === 35 || c === 59) k = "comment";
      else if (c === 91) k = "section";
      else if (hasEquals(text, first, contentEnd)) k = "assignment";
      else k = "other";
      return k === kind ? match(text, offset, end) : null;
    },
  };
}

export const CommentLine = createToken({ name: "CommentLine", pattern: lineKind("comment"), line_breaks: true });
export const SectionLine = createToken({ name: "SectionLine", pattern: lineKind("section"), line_breaks: true });
export const BlankLine = createToken({ name: "BlankLine", pattern: lineKind("blank"), line_breaks: true });
export const AssignmentLine = createToken({ name: "AssignmentLine", pattern: lineKind("assignment"), line_breaks: true });
export const OtherLine = createToken({ name: "OtherLine", pattern: lineKind("other"), line_breaks: true });

/** Order matters: continuation kinds win over the plain line kinds. */
export const allTokens: TokenType[] = [
  ContinuationBom,
  Bom,
  ContinuationComment,
  ContinuationLine,
  CommentLine,
  SectionLine,
  BlankLine,
  AssignmentLine,
  OtherLine,
];

export const headTokens = [CommentLine, SectionLine, BlankLine, AssignmentLine, OtherLine];
