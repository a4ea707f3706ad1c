import { chownSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { runCheck } from "../../src/cli/check.js";
import { writeFileAtomic } from "../../src/node/write-atomic.js";
import { tempDir } from "../helpers/cli.js";
import { capturingIo, FIXABLE_UNIT, FIXED_UNIT } from "../helpers/io.js";

// The CLI's writes go through this wrapper, so a test can make the write fail at its last step:
// the temporary file is complete and only the rename over the original is left.
const failure = vi.hoisted(() => ({ message: "" }));
vi.mock("../../src/node/write-atomic.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/node/write-atomic.js")>();
  return {
    writeFileAtomic: (path: string, text: string) =>
      real.writeFileAtomic(path, text, {
        beforeRename: () => {
          if (failure.message) throw new Error(failure.message);
        },
      }),
  };
});

const io = capturingIo;
const BROKEN = FIXABLE_UNIT;
const FIXED = FIXED_UNIT;

describe("writing fixed files", () => {
  it("an interrupted fix run leaves the original file intact and no temporary file behind (exit 2)", async () => {
    const dir = tempDir();
    const p = join(dir, "a.service");
    writeFileSync(p, BROKEN);
    failure.message = "No space left on device (simulated)";
    try {
      const o = io();
      const code = await runCheck([p], { format: "json", rule: [], config: false, fix: true }, o);
      expect(code).toBe(2);
      expect(o.stderr()).toBe(`unitlint: ${p}: cannot write the fixed file (No space left on device (simulated)); it is left unchanged\n`);
      // the report describes the file as it still is
      expect(JSON.parse(o.stdout()).map((f: { rule: string }) => f.rule)).toContain("directives/unknown-directive");
    } finally {
      failure.message = "";
    }
    expect(readFileSync(p, "utf8")).toBe(BROKEN);
    expect(readdirSync(dir)).toEqual(["a.service"]);
  });

  it("--fix through a symbolic link changes the file it points to and keeps the link", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "lib"));
    mkdirSync(join(dir, "etc"));
    writeFileSync(join(dir, "lib", "a.service"), BROKEN);
    symlinkSync("../lib/a.service", join(dir, "etc", "a.service"));
    const code = await runCheck([join(dir, "etc", "a.service")], { format: "json", rule: [], config: false, fix: true }, io());
    expect(code).toBe(0);
    expect(lstatSync(join(dir, "etc", "a.service")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "etc", "a.service"))).toBe("../lib/a.service");
    expect(readFileSync(join(dir, "lib", "a.service"), "utf8")).toBe(FIXED);
  });

  it("keeps mode and owner (the owner where the process may set it)", () => {
    const dir = tempDir();
    const p = join(dir, "a.service");
    writeFileSync(p, BROKEN, { mode: 0o604 });
    const root = process.getuid?.() === 0;
    if (root) chownSync(p, 4242, 4343);
    writeFileAtomic(p, FIXED);
    const st = statSync(p);
    expect(st.mode & 0o7777).toBe(0o604);
    if (root) expect([st.uid, st.gid]).toEqual([4242, 4343]);
    expect(readFileSync(p, "utf8")).toBe(FIXED);
  });

  it("--fix-dry-run prints the diff and writes nothing", async () => {
    const dir = tempDir();
    const p = join(dir, "a.service");
    writeFileSync(p, BROKEN);
    const o = io();
    await runCheck([p], { format: "json", rule: [], config: false, fixDryRun: true }, o);
    expect(o.stdout()).toContain(
      `--- a/${p}\n+++ b/${p}\n@@ -1,6 +1,6 @@\n [Unit]\n-BindTo=db.service\n+BindsTo=db.service\n \n [Service]\n-Restartsec=5\n+RestartSec=5\n`,
    );
    expect(readFileSync(p, "utf8")).toBe(BROKEN);
  });
});
