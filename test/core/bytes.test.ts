import { describe, expect, it } from "vitest";
import { decodeLossless, hasInvalidUtf8 } from "../../src/core/bytes.js";

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
