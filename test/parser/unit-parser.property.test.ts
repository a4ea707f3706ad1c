import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseUnitFile, printUnitFile } from "../../src/parser/unit/index.js";
import { decodeLossless, encodeLossless } from "../../src/core/bytes.js";

// Inputs biased toward the characters that matter to the grammar.
const unitish = fc
  .array(
    fc.oneof(
      fc.constantFrom("[", "]", "=", "#", ";", "\\", " ", "\t", "\n", "\r", "\u0000", "\uFEFF", "[Unit]", "[Service]", "Key", "X-", "é", ".include "),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(""));

describe("unit-file parser properties", () => {
  it("never throws and prints back the input", () => {
    fc.assert(
      fc.property(unitish, (text) => {
        const { ast } = parseUnitFile(text);
        expect(printUnitFile(ast)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it("logical lines tile the input and every node range lies inside it", () => {
    fc.assert(
      fc.property(unitish, (text) => {
        const { ast, problems } = parseUnitFile(text);
        let pos = 0;
        for (const line of ast.lines) {
          expect(line.fullRange.start).toBe(pos);
          pos = line.fullRange.end;
          expect(line.range.start).toBeGreaterThanOrEqual(line.fullRange.start);
          expect(line.range.end).toBeLessThanOrEqual(line.fullRange.end);
          if (line.kind === "entry") {
            expect(text.slice(line.keyRange.start, line.keyRange.end).length).toBeGreaterThan(0);
            expect(line.valueRange.end).toBeLessThanOrEqual(text.length);
            // a one-line value slices back to itself
            if (line.segments.length === 1) expect(text.slice(line.valueRange.start, line.valueRange.end)).toBe(line.value);
          }
        }
        expect(pos).toBe(text.length);
        for (const p of problems) {
          expect(p.range.start).toBeGreaterThanOrEqual(0);
          expect(p.range.end).toBeLessThanOrEqual(text.length);
          expect(p.range.start).toBeLessThanOrEqual(p.range.end);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("round-trips arbitrary bytes through the lossless decoder", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const { text } = decodeLossless(bytes);
        expect(printUnitFile(parseUnitFile(text).ast)).toBe(text);
        expect(Buffer.from(encodeLossless(text)).equals(Buffer.from(bytes))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
