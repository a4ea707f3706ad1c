// Every regular expression literal in src/ on 1,400 adversarial inputs: none
// may grow faster than linearly. Quadratic ones were found this way (and
// replaced): /\/+$/ and /\\+$/ on long runs, /([0-9.]+)(ns|...)/g on a run
// of digits with no unit, /[*?]|\[[^\]]+\]/ on a word of `[`. The list, with
// why each is linear, is in docs/robustness.md.
import { describe, expect, it } from "vitest";
import { allRegexes, INPUTS, timeRun } from "./support/regexes.js";

const SMALL = 4000;
// Eight times the size: linear is about 8x the time, quadratic 64x.
const LARGE = 8 * SMALL;

describe("regular expressions on user text", () => {
  const regexes = allRegexes();

  it("are all found (the TypeScript parser sees every literal)", () => {
    expect(regexes.length).toBeGreaterThan(300);
  });

  it("grow linearly on every adversarial input", () => {
    const superlinear: string[] = [];
    for (const r of regexes) {
      for (const input of INPUTS) {
        const small = input.make(SMALL);
        // Only what is slow at all is timed again: a linear match of 4,000 characters takes microseconds.
        if (timeRun(r.re, small) < 1) continue;
        const a = timeRun(r.re, small, 3);
        const b = timeRun(r.re, input.make(LARGE), 2);
        // 24x with an absolute floor: linear with 3x headroom for a busy machine, as in pathological.test.ts.
        if (b > 24 * a && b > 50) {
          superlinear.push(`${r.where} ${r.source} on ${input.label}: ${a.toFixed(1)} ms -> ${b.toFixed(1)} ms`);
          break; // one input is enough, and the next ones would take as long
        }
      }
    }
    expect(superlinear).toEqual([]);
  }, 300_000);
});
