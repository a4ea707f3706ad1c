import { CstParser } from "chevrotain";
import { endGrammarRecording } from "../../parser/recording.js";
import { cronTokens, CronComma, CronDash, CronName, CronNum, CronSlash, CronStar } from "./tokens.js";

/**
 * field := item (',' item)*
 * item  := ('*' | value ('-' value)?) ('/' Num)?
 * value := Num | Name
 *
 * One field at a time: the expression is split on blanks first (crontab(5)
 * fields are blank-separated and the rest of a crontab line is the command).
 */
class CronFieldGrammar extends CstParser {
  constructor() {
    super(cronTokens, { maxLookahead: 2, recoveryEnabled: false, skipValidations: true });
    this.performSelfAnalysis();
  }

  /** Chevrotain's own deletes its recording methods one by one: see endGrammarRecording. */
  disableRecording(): void {
    endGrammarRecording(this);
  }

  field = this.RULE("field", () => {
    this.SUBRULE(this.item);
    this.MANY(() => {
      this.CONSUME(CronComma);
      this.SUBRULE2(this.item);
    });
  });

  item = this.RULE("item", () => {
    this.OR([
      { ALT: () => this.CONSUME(CronStar) },
      {
        ALT: () => {
          this.SUBRULE(this.value);
          this.OPTION(() => {
            this.CONSUME(CronDash);
            this.SUBRULE2(this.value);
          });
        },
      },
    ]);
    this.OPTION2(() => {
      this.CONSUME(CronSlash);
      this.CONSUME(CronNum);
    });
  });

  value = this.RULE("value", () => {
    this.OR([{ ALT: () => this.CONSUME(CronNum) }, { ALT: () => this.CONSUME(CronName) }]);
  });
}

let grammar: CronFieldGrammar | undefined;
export function cronFieldGrammar(): CronFieldGrammar {
  return (grammar ??= new CronFieldGrammar());
}
