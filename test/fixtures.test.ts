import { describe, expect, it } from "vitest";
import { actualFor, findFixtureDirs, loadFixture, updateFixture } from "./helpers/fixtures.js";

// Every folder under fixtures/ with an expect.txt is linted as one set and must
// produce exactly the findings it lists (see test/helpers/fixtures.ts for the format).
describe("fixtures", () => {
  const dirs = findFixtureDirs();
  it("there are fixtures", () => expect(dirs.length).toBeGreaterThan(0));
  for (const dir of dirs) {
    const fx = loadFixture(dir);
    it(fx.name, () => {
      if (process.env["UPDATE_FIXTURES"]) updateFixture(fx);
      const now = loadFixture(dir);
      const { actual, expected, fixed, unsafeFixed } = actualFor(now);
      expect(actual).toEqual(expected);
      expect(Object.fromEntries(fixed), "the texts --fix writes (expect.fixed/)").toEqual(Object.fromEntries(now.fixed));
      expect(Object.fromEntries(unsafeFixed), "the texts --fix-unsafe writes (expect.unsafe-fixed/)").toEqual(Object.fromEntries(now.unsafeFixed));
    });
  }
});
