import type { ParseProblemCode } from "../../parser/unit/ast.js";
import type { FileContext } from "../types.js";

/** Report the parser's problems of the given codes, one finding each. */
export function reportProblems(ctx: FileContext, codes: ParseProblemCode[], messageId = "problem"): void {
  for (const p of ctx.file.problems) {
    if (codes.includes(p.code)) ctx.report({ messageId, data: { message: p.message }, file: ctx.file, range: p.range });
  }
}
