// A file that grows or is rewritten while we read it: simulated by making the
// second fstat (after the read) disagree with the first, as a concurrent writer would.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { tempDir } from "../helpers/cli.js";

const state = vi.hoisted(() => ({ fstatCalls: 0, grow: false }));

vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const fstatSync = ((fd: number) => {
    const st = fs.fstatSync(fd);
    state.fstatCalls++;
    if (state.grow && state.fstatCalls % 2 === 0)
      return Object.assign(Object.create(Object.getPrototypeOf(st)), st, { size: st.size + 10, mtimeMs: st.mtimeMs + 1 });
    return st;
  }) as typeof fs.fstatSync;
  return { ...fs, default: { ...fs, fstatSync }, fstatSync };
});

const { readUnitFile } = await import("../../src/node/read.js");

describe("a file that changes while it is read", () => {
  it("is refused with a message instead of being checked half-written", () => {
    const p = join(tempDir("unitlint-change-"), "x.service");
    writeFileSync(p, "[Service]\nExecStart=/bin/true\n");
    state.grow = true;
    state.fstatCalls = 0;
    expect(readUnitFile(p)).toEqual({ ok: false, message: "file changed while it was being read; not checked (run again)" });
    state.grow = false;
    expect(readUnitFile(p).ok).toBe(true);
  });
});
