import { describe, expect, it } from "vitest";
import { unitGrammar } from "../../src/parser/unit/grammar.js";
import { parseUnitFile } from "../../src/parser/unit/index.js";
import { calendarGrammar } from "../../src/calendar/parser/grammar.js";
import { cronFieldGrammar } from "../../src/calendar/cron/grammar.js";
import { normalizeCalendar, parseCron } from "../../src/calendar/index.js";

// The grammars replace Chevrotain's disableRecording() (src/parser/recording.ts): after the
// self-analysis no recording-phase method may be left on a parser object.
const METHODS = ["CONSUME", "SUBRULE", "OPTION", "OR", "MANY", "MANY_SEP", "AT_LEAST_ONE", "AT_LEAST_ONE_SEP"].flatMap((m) =>
  ["", "1", "2", "9"].map((i) => m + i),
);
METHODS.push("consume", "subrule", "option", "or", "many", "atLeastOne", "ACTION", "BACKTRACK", "LA");

describe.each([
  ["unit file", () => unitGrammar],
  ["calendar", calendarGrammar],
  ["cron field", cronFieldGrammar],
])("the %s grammar after its self-analysis", (_name, grammar) => {
  const self = grammar() as unknown as Record<string, unknown>;
  const proto = Object.getPrototypeOf(self) as Record<string, unknown>;

  it("is out of the recording phase, with Chevrotain's parsing methods", () => {
    expect(self["RECORDING_PHASE"]).toBe(false);
    for (const name of METHODS) {
      expect(typeof proto[name], name).toBe("function");
      expect(self[name], name).toBe(proto[name]);
    }
  });

  it("keeps no recorder, whatever its name", () => {
    // Chevrotain's recorders call its *InternalRecord methods (or are its *_RECORD ones).
    const recorders = Object.keys(self).filter((k) => typeof self[k] === "function" && /InternalRecord|_RECORD\b/.test(String(self[k])));
    expect(recorders).toEqual([]);
  });
});

describe("parsing after the self-analysis", () => {
  it("parses continued lines and comments", () => {
    const file = parseUnitFile("[Service]\n# c\nExecStart=/bin/a \\\n  # inner\n  b\nUser=x\n");
    expect(file.ast.sections[0]!.entries.map((e) => [e.key, e.value])).toEqual([
      ["ExecStart", "/bin/a    b"],
      ["User", "x"],
    ]);
  });

  it("parses calendar specs and cron fields", () => {
    expect(normalizeCalendar("Mon,Wed *-*-* 08:00")).toBe("Mon,Wed *-*-* 08:00:00");
    expect(parseCron("*/15 9-17 * * 1-5").ok).toBe(true);
  });
});
