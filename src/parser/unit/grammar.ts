import { EmbeddedActionsParser, type IToken } from "chevrotain";
import type { AstBuilder } from "./to-ast.js";
import { endGrammarRecording } from "../recording.js";
import { allTokens, CommentLine, ContinuationComment, ContinuationLine, ContinuedLine, LastContinuationLine, Line } from "./tokens.js";

/**
 * unitFile      := logicalLine*
 * logicalLine   := CommentLine | Line | continuedLine
 * continuedLine := ContinuedLine (ContinuationComment | ContinuationLine)* LastContinuationLine?
 *
 * (LastContinuationLine is missing when the file ends inside a continuation.)
 * Each logical line is handed to the AstBuilder as it is recognised; what it
 * means (section, assignment, ...) is decided on its joined text, exactly as
 * systemd decides it after joining.
 */
class UnitGrammar extends EmbeddedActionsParser {
  /** Set for each parse (the grammar object is built once: self-analysis is its expensive part). */
  builder!: AstBuilder;

  constructor() {
    super(allTokens, { maxLookahead: 1, recoveryEnabled: false, skipValidations: true });
    this.performSelfAnalysis();
  }

  /** Chevrotain's own deletes its recording methods one by one: see endGrammarRecording. */
  disableRecording(): void {
    endGrammarRecording(this);
  }

  unitFile = this.RULE("unitFile", () => {
    this.MANY(() => this.SUBRULE(this.logicalLine));
  });

  logicalLine = this.RULE("logicalLine", () => {
    this.OR([
      {
        ALT: () => {
          const t = this.CONSUME(CommentLine);
          this.ACTION(() => this.builder.singleLine(t, true));
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(Line);
          this.ACTION(() => this.builder.singleLine(t, false));
        },
      },
      { ALT: () => this.SUBRULE(this.continuedLine) },
    ]);
  });

  continuedLine = this.RULE("continuedLine", () => {
    const tokens: IToken[] = [this.CONSUME(ContinuedLine)];
    const comments: boolean[] = [false];
    this.MANY(() =>
      this.OR([
        {
          ALT: () => {
            tokens.push(this.CONSUME(ContinuationComment));
            comments.push(true);
          },
        },
        {
          ALT: () => {
            tokens.push(this.CONSUME(ContinuationLine));
            comments.push(false);
          },
        },
      ]),
    );
    this.OPTION(() => {
      tokens.push(this.CONSUME(LastContinuationLine));
      comments.push(false);
    });
    this.ACTION(() => this.builder.joinedLine(tokens, comments));
  });
}

export const unitGrammar = new UnitGrammar();
