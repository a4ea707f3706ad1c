import { describe, expect, it } from "vitest";
import { execCommandOf, parseExec } from "../../src/parser/exec/parse-exec.js";
import { lint } from "../../src/index.js";

describe("execCommandOf: one parse per command line, shared by the rules", () => {
  it("gives the parse of parseExec, the same object for the same value", () => {
    const line = `-/usr/bin/app --flag "two words" \\; ; /bin/true`;
    expect(execCommandOf(line)).toEqual(parseExec(line));
    expect(execCommandOf(line)).toBe(execCommandOf(line));
    expect(execCommandOf("/bin/a")).not.toBe(execCommandOf("/bin/b"));
  });

  it("rules that read the shared parse leave it as they found it", () => {
    const value = "kill -s HUP 1234 sh -c 'a && b' &";
    const before = structuredClone(parseExec(value));
    lint([{ path: "app.service", text: `[Service]\nExecStart=${value}\nExecReload=${value}\nExecStop=${value}\nTimeoutStopSec=5\n` }]);
    expect(execCommandOf(value)).toEqual(before);
  });
});
