import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyse } from "../../src/playground/analysis.js";
import { DEFAULT_STATE, decodeState, encodeState, type PlaygroundState } from "../../src/playground/state.js";

describe("playground state in the URL fragment", () => {
  it("round-trips any state, including non-ASCII text", () => {
    const arb = fc.record({
      filename: fc.string(),
      text: fc.string({ unit: "grapheme" }),
      dropin: fc.string(),
      mode: fc.constantFrom("system" as const, "user" as const),
      targetSystemd: fc.string(),
      preset: fc.constantFrom("recommended" as const, "strict" as const, "hardening" as const),
      calendar: fc.string(),
      tz: fc.string(),
    });
    fc.assert(
      fc.property(arb, (s: PlaygroundState) => {
        expect(decodeState("#" + encodeState(s))).toEqual(s);
      }),
      { numRuns: 300 },
    );
  });

  it("falls back to defaults for missing or broken fragments", () => {
    expect(decodeState("")).toEqual(DEFAULT_STATE);
    expect(decodeState("#s=%%%")).toEqual(DEFAULT_STATE);
    expect(decodeState("#s=" + btoa('{"mode":"evil","text":42}'))).toEqual(DEFAULT_STATE);
  });
});

describe("playground analysis", () => {
  it("lints the unit with its drop-in and shows the effective settings", () => {
    const a = analyse({ ...DEFAULT_STATE, text: "[Service]\nExecStart=/bin/a\nfoo\n", dropin: "[Service]\nExecStart=\nExecStart=/bin/b\nbar\n" }, () => 0);
    expect(a.findings.map((f) => `${f.line} ${f.rule}`)).toEqual(["3 syntax/invalid-line"]);
    expect(a.dropinFindings.map((f) => `${f.file} ${f.line} ${f.rule}`)).toEqual(["app.service.d/override.conf 4 syntax/invalid-line"]);
    expect(a.effective).toContain("[Service] ExecStart=/bin/b   (drop-in)");
  });
});
