import { isUtf8 } from "node:buffer";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeLossless, encodeLossless, hasInvalidUtf8 } from "../../src/core/bytes.js";

describe("hasInvalidUtf8", () => {
  it("finds an escaped invalid byte, and not the low half of a valid surrogate pair in the same range", () => {
    const { text } = decodeLossless(new Uint8Array([0x41, 0xe9, 0x0a]));
    expect(hasInvalidUtf8(text)).toBe(true);
    // U+10080 is the pair D800 DC80: valid UTF-8 (F0 90 82 80), its low half in the escapes' range
    expect(hasInvalidUtf8("a\u{10080}b")).toBe(false);
    expect(hasInvalidUtf8("[Unit]\nDescription=café\n")).toBe(false);
    expect(hasInvalidUtf8("")).toBe(false);
  });
});

describe("decodeLossless", () => {
  it("decodes valid UTF-8 as UTF-8 (astral characters included) and says so", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        const bytes = new Uint8Array(Buffer.from(text, "utf8"));
        // a lone surrogate in the string is not valid UTF-8 once encoded: Buffer writes U+FFFD for it
        expect(decodeLossless(bytes)).toEqual({ text: Buffer.from(bytes).toString("utf8"), invalidUtf8: false });
      }),
      { numRuns: 2000 },
    );
  });

  it("flags exactly the inputs that are not valid UTF-8, and gives their bytes back", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const { text, invalidUtf8 } = decodeLossless(bytes);
        expect(invalidUtf8).toBe(!isUtf8(bytes));
        expect(Buffer.from(encodeLossless(text)).equals(Buffer.from(bytes))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
