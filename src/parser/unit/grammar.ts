import { CstParser, type CstNode } from "chevrotain";
import {
  allTokens,
  AssignmentLine,
  BlankLine,
  Bom,
  CommentLine,
  ContinuationBom,
  ContinuationComment,
  ContinuationLine,
  OtherLine,
  SectionLine,
} from "./tokens.js";

/**
 * unitFile    := logicalLine* Bom?
 * logicalLine := Bom? head (ContinuationComment | ContinuationLine | ContinuationBom)*
 * head        := CommentLine | SectionLine | BlankLine | AssignmentLine | OtherLine
 *
 * What a logical line means (section, assignment, ...) is decided on its joined
 * text in to-ast.ts, exactly as systemd decides it after joining.
 */
class UnitGrammar extends CstParser {
  constructor() {
    super(allTokens, { maxLookahead: 2, recoveryEnabled: false, skipValidations: true });
    this.performSelfAnalysis();
  }

  unitFile = this.RULE("unitFile", () => {
    this.MANY(() => this.SUBRULE(this.logicalLine));
    this.OPTION(() => this.CONSUME(Bom));
  });

  logicalLine = this.RULE("logicalLine", () => {
    this.OPTION(() => this.CONSUME2(Bom));
    this.OR([
      { ALT: () => this.CONSUME(CommentLine) },
      { ALT: () => this.CONSUME(SectionLine) },
      { ALT: () => this.CONSUME(BlankLine) },
      { ALT: () => this.CONSUME(AssignmentLine) },
      { ALT: () => this.CONSUME(OtherLine) },
    ]);
    this.MANY(() =>
      this.OR2([
        { ALT: () => this.CONSUME(ContinuationComment) },
        { ALT: () => this.CONSUME(ContinuationLine) },
        { ALT: () => this.CONSUME(ContinuationBom) },
      ]),
    );
  });
}

export const unitGrammar = new UnitGrammar();

export type UnitFileCst = CstNode;
