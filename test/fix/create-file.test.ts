import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createFileAtomic } from "../../src/node/write-atomic.js";
import { tempDir } from "../helpers/cli.js";

describe("createFileAtomic", () => {
  it("creates the file with mode 0644 and leaves no temporary file; refuses to replace an existing one", () => {
    const dir = tempDir("unitlint-create-");
    const p = join(dir, "hardening.conf");
    createFileAtomic(p, "[Service]\nNoNewPrivileges=yes\n");
    expect(readFileSync(p, "utf8")).toBe("[Service]\nNoNewPrivileges=yes\n");
    expect(statSync(p).mode & 0o777).toBe(0o644);
    expect(() => createFileAtomic(p, "other\n")).toThrow(/EEXIST/);
    expect(readFileSync(p, "utf8")).toBe("[Service]\nNoNewPrivileges=yes\n");
    expect(readdirSync(dir)).toEqual(["hardening.conf"]);
  });
});
