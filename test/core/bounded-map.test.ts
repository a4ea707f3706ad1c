import { describe, expect, it } from "vitest";
import { BoundedMap } from "../../src/core/bounded-map.js";

describe("BoundedMap", () => {
  it("keeps at most its bound, dropping the oldest entry first; replacing a key drops nothing", () => {
    const m = new BoundedMap<string, number>(3);
    for (const [k, v] of [
      ["a", 1],
      ["b", 2],
      ["c", 3],
    ] as const)
      m.set(k, v);
    m.set("b", 20);
    expect([...m]).toEqual([
      ["a", 1],
      ["b", 20],
      ["c", 3],
    ]);
    m.set("d", 4);
    expect([...m.keys()]).toEqual(["b", "c", "d"]);
    expect(m.size).toBe(3);
  });
});
