import { CstParser } from "chevrotain";
import { endGrammarRecording } from "../../parser/recording.js";
import { allTokens, Colon, Comma, Dash, Dot, DotDot, Num, Slash, Spaces, Star, Tilde, Timestamp, Weekday } from "./tokens.js";

/**
 * calendar   := weekdays (Spaces rest?)? | rest
 * weekdays   := weekdayRun (Comma weekdayRun)* Comma?
 * weekdayRun := Weekday ((DotDot | Dash) Weekday)?
 * rest       := Timestamp | group (Spaces group?)?
 * group      := chain ((Dash | Tilde | Colon) chain)*
 * chain      := Star | component (Comma component)*
 * component  := value (DotDot value)? (Slash value)?
 * value      := Num (Dot Num)?
 *
 * Whether a group is a date or a time, and which separators may appear where,
 * is decided in build-spec.ts in the order systemd's parse_date() and
 * parse_calendar_time() decide it, so errors are reported where systemd stops.
 */
class CalendarGrammar extends CstParser {
  constructor() {
    super(allTokens, { maxLookahead: 2, recoveryEnabled: false, skipValidations: true });
    this.performSelfAnalysis();
  }

  /** Chevrotain's own deletes its recording methods one by one: see endGrammarRecording. */
  disableRecording(): void {
    endGrammarRecording(this);
  }

  calendar = this.RULE("calendar", () => {
    this.OR([
      {
        ALT: () => {
          this.SUBRULE(this.weekdays);
          this.OPTION(() => {
            this.CONSUME(Spaces);
            this.OPTION2(() => this.SUBRULE(this.rest));
          });
        },
      },
      { ALT: () => this.SUBRULE2(this.rest) },
    ]);
  });

  weekdays = this.RULE("weekdays", () => {
    this.SUBRULE(this.weekdayRun);
    this.MANY({
      GATE: () => this.LA(2).tokenType === Weekday,
      DEF: () => {
        this.CONSUME(Comma);
        this.SUBRULE2(this.weekdayRun);
      },
    });
    this.OPTION(() => this.CONSUME2(Comma));
  });

  weekdayRun = this.RULE("weekdayRun", () => {
    this.CONSUME(Weekday);
    this.OPTION(() => {
      this.OR([{ ALT: () => this.CONSUME(DotDot) }, { ALT: () => this.CONSUME(Dash) }]);
      this.CONSUME2(Weekday);
    });
  });

  rest = this.RULE("rest", () => {
    this.OR([
      { ALT: () => this.CONSUME(Timestamp) },
      {
        ALT: () => {
          this.SUBRULE(this.group);
          this.OPTION(() => {
            this.CONSUME(Spaces);
            this.OPTION2(() => this.SUBRULE2(this.group));
          });
        },
      },
    ]);
  });

  group = this.RULE("group", () => {
    this.SUBRULE(this.chain);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(Dash) }, { ALT: () => this.CONSUME(Tilde) }, { ALT: () => this.CONSUME(Colon) }]);
      this.SUBRULE2(this.chain);
    });
  });

  chain = this.RULE("chain", () => {
    this.OR([
      { ALT: () => this.CONSUME(Star) },
      {
        ALT: () => {
          this.SUBRULE(this.component);
          this.MANY(() => {
            this.CONSUME(Comma);
            this.SUBRULE2(this.component);
          });
        },
      },
    ]);
  });

  component = this.RULE("component", () => {
    this.SUBRULE(this.value);
    this.OPTION(() => {
      this.CONSUME(DotDot);
      this.SUBRULE2(this.value);
    });
    this.OPTION2(() => {
      this.CONSUME(Slash);
      this.SUBRULE3(this.value);
    });
  });

  value = this.RULE("value", () => {
    this.CONSUME(Num);
    this.OPTION(() => {
      this.CONSUME(Dot);
      this.CONSUME2(Num);
    });
  });
}

let grammar: CalendarGrammar | undefined;

/** The one reused parser instance, built on first use (performSelfAnalysis is not free). */
export function calendarGrammar(): CalendarGrammar {
  return (grammar ??= new CalendarGrammar());
}
