// --fix and -o under conditions that used to lose data: a concurrent edit, the
// setuid bit, hard links, a read-only file, a full disk under -o.
import * as fs from "node:fs";
import { appendFileSync, chmodSync, chownSync, linkSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { runCheck } from "../../src/cli/check.js";
import { FileRefusedError, writeFileAtomic, writeReportAtomic } from "../../src/node/write-atomic.js";
import { tempDir } from "../helpers/cli.js";
import { capturingIo, FIXABLE_UNIT, FIXED_UNIT } from "../helpers/io.js";

// Faults on demand: another program appends to the file just before the rename; the disk fills up.
const fault = vi.hoisted(() => ({ appendBeforeRename: "", enospc: false }));
vi.mock("../../src/node/write-atomic.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/node/write-atomic.js")>();
  return {
    ...real,
    writeFileAtomic: (path: string, text: string, hooks: import("../../src/node/write-atomic.js").AtomicWriteHooks = {}) =>
      real.writeFileAtomic(path, text, {
        ...hooks,
        beforeRename: (tmp) => {
          if (fault.appendBeforeRename) appendFileSync(path, fault.appendBeforeRename);
          hooks.beforeRename?.(tmp);
        },
      }),
  };
});
vi.mock("node:fs", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs")>();
  return {
    ...real,
    writeSync: (...args: Parameters<typeof real.writeSync>) => {
      if (fault.enospc) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
      return (real.writeSync as (...a: unknown[]) => number)(...args);
    },
  };
});

const io = capturingIo;
const BROKEN = FIXABLE_UNIT;
const FIXED = FIXED_UNIT;
const fix = (p: string, o = io()) => runCheck([p], { format: "json", rule: [], config: false, fix: true }, o).then((code) => ({ code, stderr: o.stderr() }));

describe("--fix leaves alone what it must not replace", () => {
  it("a line appended while --fix runs is kept: the file is left alone and reported (exit 2, one line)", async () => {
    const dir = tempDir();
    const p = join(dir, "a.service");
    writeFileSync(p, BROKEN);
    fault.appendBeforeRename = "Environment=ADDED=1\n";
    try {
      const r = await fix(p);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `unitlint: ${p}: cannot write the fixed file (it changed since it was read (another program wrote to it); run again); it is left unchanged\n`,
      );
    } finally {
      fault.appendBeforeRename = "";
    }
    expect(readFileSync(p, "utf8")).toBe(BROKEN + "Environment=ADDED=1\n");
    expect(readdirSync(dir)).toEqual(["a.service"]);
    // run again: fixed, the appended line kept
    expect((await fix(p)).code).toBe(0);
    expect(readFileSync(p, "utf8")).toBe(FIXED + "Environment=ADDED=1\n");
  });

  it("writeFileAtomic refuses a file replaced by another one (same content, new inode)", () => {
    const dir = tempDir();
    const p = join(dir, "a.service");
    writeFileSync(p, BROKEN);
    expect(() =>
      writeFileAtomic(p, FIXED, {
        expected: BROKEN,
        beforeRename: () => {
          fs.renameSync(p, p + ".old");
          writeFileSync(p, BROKEN);
        },
      }),
    ).toThrow(FileRefusedError);
    expect(readFileSync(p, "utf8")).toBe(BROKEN);
  });

  it("keeps the setuid and setgid bits and the owner (owner first, then the mode)", () => {
    const dir = tempDir();
    const p = join(dir, "a.service");
    writeFileSync(p, BROKEN);
    const root = process.getuid?.() === 0;
    if (root) chownSync(p, 4242, 4343);
    chmodSync(p, 0o6754);
    writeFileAtomic(p, FIXED, { expected: BROKEN });
    const st = statSync(p);
    expect((st.mode & 0o7777).toString(8)).toBe("6754");
    if (root) expect([st.uid, st.gid]).toEqual([4242, 4343]);
    expect(readFileSync(p, "utf8")).toBe(FIXED);
  });

  it("refuses a file with hard links (the rename would split them): both names keep the old content", async () => {
    const dir = tempDir();
    const p = join(dir, "a.service");
    writeFileSync(p, BROKEN);
    linkSync(p, join(dir, "b.service.bak"));
    const r = await fix(p);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `unitlint: ${p}: cannot write the fixed file (it has 2 hard links and replacing it would split them; apply the --fix-dry-run diff by hand); it is left unchanged\n`,
    );
    expect(readFileSync(p, "utf8")).toBe(BROKEN);
    expect(statSync(p).nlink).toBe(2);
  });

  it("refuses a read-only file (no write bit), even as root", async () => {
    const dir = tempDir();
    const p = join(dir, "a.service");
    writeFileSync(p, BROKEN);
    chmodSync(p, 0o444);
    const r = await fix(p);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`unitlint: ${p}: cannot write the fixed file (it is read-only, mode 0444); it is left unchanged\n`);
    expect(readFileSync(p, "utf8")).toBe(BROKEN);
    expect(statSync(p).mode & 0o7777).toBe(0o444);
  });
});

describe("-o writes the report atomically", () => {
  it("a full disk leaves the previous report, not an empty one, and no temporary file", async () => {
    const dir = tempDir();
    const unit = join(dir, "a.service");
    writeFileSync(unit, BROKEN);
    const report = join(dir, "report.json");
    writeFileSync(report, "previous report\n");
    fault.enospc = true;
    try {
      await expect(runCheck([unit], { format: "json", rule: [], config: false, output: report }, io())).rejects.toThrow(/cannot write .*report\.json: ENOSPC/);
    } finally {
      fault.enospc = false;
    }
    expect(readFileSync(report, "utf8")).toBe("previous report\n");
    expect(readdirSync(dir).sort()).toEqual(["a.service", "report.json"]);
    expect(await runCheck([unit], { format: "json", rule: [], config: false, output: report }, io())).toBe(1);
    expect(JSON.parse(readFileSync(report, "utf8")).length).toBeGreaterThan(0);
  });

  it("a new report gets the usual mode; an existing one keeps its own", () => {
    const dir = tempDir();
    const p = join(dir, "r.txt");
    writeReportAtomic(p, "a\n");
    expect(statSync(p).mode & 0o777).toBe(0o666 & ~process.umask());
    chmodSync(p, 0o600);
    writeReportAtomic(p, "b\n");
    expect(statSync(p).mode & 0o777).toBe(0o600);
    expect(readFileSync(p, "utf8")).toBe("b\n");
  });
});
