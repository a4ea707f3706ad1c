/**
 * The methods Chevrotain 11's enableRecording() puts on a parser object for
 * the grammar recording of performSelfAnalysis() (gast_recorder.js).
 */
const RECORDING_METHODS = [
  ...["CONSUME", "SUBRULE", "OPTION", "OR", "MANY", "MANY_SEP", "AT_LEAST_ONE", "AT_LEAST_ONE_SEP"].flatMap((m) =>
    ["", "1", "2", "3", "4", "5", "6", "7", "8", "9"].map((i) => m + i),
  ),
  ...["consume", "subrule", "option", "or", "many", "atLeastOne", "ACTION", "BACKTRACK", "LA"],
];

/**
 * Ends the grammar recording that performSelfAnalysis() does once per parser:
 * each grammar's `disableRecording()` calls this instead of Chevrotain's own,
 * which removes the ninety-odd recording methods with one `delete` each. That
 * took about 2 ms of a one-file `check` (0.96-0.98x its wall time without it,
 * measured in pairs). Pointing each method back at the prototype's leaves the
 * parser behaving the same, without the deletes. test/parser/recording.test.ts
 * fails if a recording method is left behind (e.g. after a Chevrotain update).
 */
export function endGrammarRecording(parser: object): void {
  const self = parser as Record<string, unknown>;
  const proto = Object.getPrototypeOf(parser) as Record<string, unknown>;
  self["RECORDING_PHASE"] = false;
  for (const name of RECORDING_METHODS) self[name] = proto[name];
}
