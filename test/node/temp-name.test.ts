import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { writeFileAtomic } from "../../src/node/write-atomic.js";
import { tempDir } from "../helpers/cli.js";

// This file's first atomic write: the module's name counter starts at 0, and
// with the clock and Math.random fixed its first temporary name is known.
describe("writeFileAtomic's temporary file", () => {
  afterEach(() => vi.restoreAllMocks());

  it("skips a name that is taken and leaves that file alone", () => {
    vi.spyOn(Date, "now").mockReturnValue(1_767_225_600_000);
    vi.spyOn(Math, "random").mockReturnValue(0);
    const dir = tempDir("unitlint-tempname-");
    const unit = join(dir, "a.service");
    writeFileSync(unit, "[Service]\nExecStart=/bin/a\n");
    const taken = join(dir, `.a.service.unitlint-${process.pid}-${(1_767_225_600_000).toString(36)}-00.tmp`);
    writeFileSync(taken, "someone else's\n");

    writeFileAtomic(unit, "[Service]\nExecStart=/bin/b\n");

    expect(readFileSync(unit, "utf8")).toBe("[Service]\nExecStart=/bin/b\n");
    expect(readFileSync(taken, "utf8")).toBe("someone else's\n");
    expect(readdirSync(dir).sort()).toEqual([basename(taken), "a.service"]);
  });
});
