import type { AstBuilder } from "./to-ast.js";
import { CommentLine, ContinuationComment, ContinuationLine, ContinuedLine, LastContinuationLine, Line, type LineToken } from "./tokens.js";

/**
 * unitFile      := logicalLine*
 * logicalLine   := CommentLine | Line | continuedLine
 * continuedLine := ContinuedLine (ContinuationComment | ContinuationLine)* LastContinuationLine?
 *
 * (LastContinuationLine is missing when the file ends inside a continuation.)
 * Each logical line is handed to the AstBuilder as it is recognised; what it
 * means (section, assignment, ...) is decided on its joined text, exactly as
 * systemd decides it after joining. Returns false when a token fits no rule
 * there, which the lexer's modes rule out (the parse stops at it).
 */
export function parseLogicalLines(tokens: LineToken[], builder: AstBuilder): boolean {
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (t.tokenType === CommentLine || t.tokenType === Line) {
      builder.singleLine(t, t.tokenType === CommentLine);
      i++;
      continue;
    }
    if (t.tokenType !== ContinuedLine) return false;
    const joined: LineToken[] = [t];
    const comments: boolean[] = [false];
    i++;
    for (; i < tokens.length; i++) {
      const type = tokens[i]!.tokenType;
      if (type !== ContinuationComment && type !== ContinuationLine) break;
      joined.push(tokens[i]!);
      comments.push(type === ContinuationComment);
    }
    if (i < tokens.length && tokens[i]!.tokenType === LastContinuationLine) {
      joined.push(tokens[i]!);
      comments.push(false);
      i++;
    }
    builder.joinedLine(joined, comments);
  }
  return true;
}
