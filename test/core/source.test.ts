import { describe, expect, it } from "vitest";
import { SourceText } from "../../src/core/source.js";

describe("SourceText positions", () => {
  it("counts lines as systemd reads them (\\r\\n, \\n\\r, NUL close a line)", () => {
    const src = new SourceText("f", "a\r\nb\n\rc\0d");
    expect(src.lineCount).toBe(4);
    expect(src.positionAt(3)).toEqual({ line: 2, column: 1 });
    expect(src.positionAt(8)).toEqual({ line: 4, column: 1 });
  });

  it("puts an offset inside a multi-character line ending at the end of its line", () => {
    // Found by fuzzing: a JSON error on the NUL of "\r\n\0" was reported at 1:3, past the line.
    const src = new SourceText("f", "ab\r\n\0x");
    expect(src.positionAt(2)).toEqual({ line: 1, column: 3 });
    expect(src.positionAt(3)).toEqual({ line: 1, column: 3 });
    expect(src.positionAt(4)).toEqual({ line: 1, column: 3 });
    expect(src.positionAt(5)).toEqual({ line: 2, column: 1 });
  });

  it("keeps \\r inside a crontab line (newline mode)", () => {
    const src = new SourceText("f", "a\r\nb", "newline");
    expect(src.positionAt(1)).toEqual({ line: 1, column: 2 });
    expect(src.positionAt(3)).toEqual({ line: 2, column: 1 });
  });
});
