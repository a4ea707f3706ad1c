import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_FILE_BYTES, readUnitFile } from "../../src/node/read.js";
import { tempDir } from "../helpers/cli.js";

// readUnitFile reads every file into one reused buffer and copies each file's bytes out: what it returns must be
// exactly each file, whatever was read before it (longer, much longer, binary-free but multi-byte).
describe("readUnitFile", () => {
  const dir = tempDir("unitlint-read-");
  const file = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const line = (i: number) => `Environment=N${i}=${"é".repeat(i % 7)}\n`;

  it("gives each file's own text, in any order of sizes", () => {
    const texts = [
      "[Service]\nExecStart=/bin/true\n",
      "[Unit]\n" + Array.from({ length: 20_000 }, (_, i) => line(i)).join(""), // several times the 64 KiB buffer
      "[Unit]\n",
      "",
      "[Unit]\nDescription=" + "x".repeat(65_535) + "\n", // around the buffer's size
      "[Timer]\nOnCalendar=daily\n",
    ];
    const paths = texts.map((t, i) => file(`u${i}.service`, t));
    for (const round of [0, 1])
      for (const [i, p] of (round ? [...paths].reverse() : paths).entries()) {
        const r = readUnitFile(p);
        expect(r.ok, `file ${i} of round ${round}`).toBe(true);
        if (r.ok) expect(r.text).toBe(texts[round ? paths.length - 1 - i : i]);
      }
  });

  it("gives bytes that later reads leave alone", () => {
    const a = readUnitFile(file("a.service", "[Unit]\nDescription=first\n"));
    const b = readUnitFile(file("b.service", "[Unit]\nDescription=second, and longer\n"));
    expect(a.ok && Buffer.from(a.bytes).toString("utf8")).toBe("[Unit]\nDescription=first\n");
    expect(b.ok && Buffer.from(b.bytes).toString("utf8")).toBe("[Unit]\nDescription=second, and longer\n");
  });

  it("refuses a file over the limit and still reads the next one", () => {
    const big = file("big.service", "#".repeat(MAX_FILE_BYTES + 1));
    const r = readUnitFile(big);
    expect(r.ok).toBe(false);
    const small = readUnitFile(file("small.service", "[Unit]\nDescription=small\n"));
    expect(small.ok && small.text).toBe("[Unit]\nDescription=small\n");
  });
});
