import { describe, expect, it } from "vitest";
import { unitGrammar } from "../../src/parser/unit/grammar.js";
import { parseUnitFile } from "../../src/parser/unit/index.js";

// UnitGrammar replaces Chevrotain's disableRecording() (see grammar.ts): after the
// self-analysis no recording-phase method may be left on the parser object.
describe("the unit grammar after its self-analysis", () => {
  const self = unitGrammar as unknown as Record<string, unknown>;
  const proto = Object.getPrototypeOf(unitGrammar) as Record<string, unknown>;

  it("is out of the recording phase", () => {
    expect(self["RECORDING_PHASE"]).toBe(false);
  });

  it("has every parsing method of Chevrotain's prototype, none of the recording ones", () => {
    const names = ["CONSUME", "SUBRULE", "OPTION", "OR", "MANY", "MANY_SEP", "AT_LEAST_ONE", "AT_LEAST_ONE_SEP"].flatMap((m) =>
      ["", "1", "2", "9"].map((i) => m + i),
    );
    names.push("consume", "subrule", "option", "or", "many", "atLeastOne", "ACTION", "BACKTRACK", "LA");
    for (const name of names) {
      expect(typeof proto[name], name).toBe("function");
      expect(self[name], name).toBe(proto[name]);
    }
    // Chevrotain's recorders call its *InternalRecord methods (or are its *_RECORD ones): none may be left, whatever its name.
    const recorders = Object.keys(self).filter((k) => typeof self[k] === "function" && /InternalRecord|_RECORD\b/.test(String(self[k])));
    expect(recorders).toEqual([]);
  });

  it("parses continued lines and comments", () => {
    const file = parseUnitFile("[Service]\n# c\nExecStart=/bin/a \\\n  # inner\n  b\nUser=x\n");
    expect(file.ast.sections[0]!.entries.map((e) => [e.key, e.value])).toEqual([
      ["ExecStart", "/bin/a    b"],
      ["User", "x"],
    ]);
  });
});
