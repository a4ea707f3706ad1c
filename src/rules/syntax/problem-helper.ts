import type { ParseProblemCode } from "../../parser/unit/ast.js";
import type { FileContext } from "../types.js";

/** Report the parser's problems of the given codes, one finding each, as the rule's "problem" message (a rule without one does not compile). */
export function reportProblems(ctx: FileContext<"problem">, codes: ParseProblemCode[]): void {
  for (const p of ctx.file.problems) {
    if (codes.includes(p.code)) ctx.report({ messageId: "problem", data: { message: p.message }, file: ctx.file, range: p.range });
  }
}
