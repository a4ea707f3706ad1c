import { EmbeddedActionsParser, type IToken } from "chevrotain";
import type { AstBuilder } from "./to-ast.js";
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

  /**
   * Ends the grammar recording that performSelfAnalysis() does once. Chevrotain's
   * own version (gast_recorder.js) removes the ninety-odd recording methods it
   * put on the parser object with one `delete` each, which took about 2 ms of a
   * one-file `check` (0.96x the run's wall time without it, measured in pairs).
   * Pointing each such method back at the prototype's method leaves the parser
   * behaving the same, without the deletes. test/parser/unit-recording.test.ts
   * fails if a recording method is left behind (e.g. after a Chevrotain update).
   */
  disableRecording(): void {
    const self = this as unknown as Record<string, unknown>;
    const proto = Object.getPrototypeOf(this) as Record<string, unknown>;
    self["RECORDING_PHASE"] = false;
    for (const name of RECORDING_METHODS) self[name] = proto[name];
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

/** The methods Chevrotain 11's enableRecording() puts on the parser object (gast_recorder.js). */
const RECORDING_METHODS = [
  ...["CONSUME", "SUBRULE", "OPTION", "OR", "MANY", "MANY_SEP", "AT_LEAST_ONE", "AT_LEAST_ONE_SEP"].flatMap((m) =>
    ["", "1", "2", "3", "4", "5", "6", "7", "8", "9"].map((i) => m + i),
  ),
  ...["consume", "subrule", "option", "or", "many", "atLeastOne", "ACTION", "BACKTRACK", "LA"],
];

export const unitGrammar = new UnitGrammar();
