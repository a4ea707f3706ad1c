import { describe, expect, it } from "vitest";
import { closestMatch, editDistance } from "../src/core/suggest.js";

describe("suggestions", () => {
  it("edit distance", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abc", "abc")).toBe(0);
    expect(editDistance("abcdef", "uvwxyz", 2)).toBe(3);
  });
  it("closest match prefers a case-insensitive hit, then small distances", () => {
    expect(closestMatch("restartsec", ["RestartSec", "Restart"])).toBe("RestartSec");
    expect(closestMatch("Resart", ["Restart", "RestartSec"])).toBe("Restart");
    expect(closestMatch("Zzzzzz", ["Restart"])).toBeUndefined();
  });
});
