// `unitlint check` over a folder of hostile files: each one gets a one-line
// message (or is checked, when systemd would read it), nothing blocks, nothing
// prints a stack trace, and the good file beside them is still checked.
import { spawnSync } from "node:child_process";
import { chmodSync, closeSync, mkdirSync, openSync, symlinkSync, writeFileSync, ftruncateSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { collectInputs } from "../../src/node/collect.js";
import { MAX_FILE_BYTES, MAX_FILE_LINES, readUnitFile } from "../../src/node/read.js";
import { BIN, ensureBin, run, tempDir } from "../helpers/cli.js";

const GOOD = "[Unit]\nDescription=Good\n\n[Service]\nExecStart=/usr/bin/true\n";
const hasMkfifo = spawnSync("mkfifo", ["--version"]).status === 0;

beforeAll(() => ensureBin(), 120_000);

function hostileFolder(): string {
  const dir = tempDir("unitlint-hostile-");
  const u = join(dir, "units");
  mkdirSync(u);
  const put = (name: string, data: string | Uint8Array) => writeFileSync(join(u, name), data);
  put("good.service", GOOD);
  put("warn.service", "[Service]\nExecStart=/usr/bin/true\nnoequals\n");
  put("elf.service", Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4000)]));
  put("controls.service", Buffer.from(Array.from({ length: 2000 }, (_, i) => i % 32)));
  // One NUL: systemd ends the line there, so `Bogus=` is line 4 for systemd and for us.
  put("nul.service", "[Service]\nExecStart=/usr/bin/true\nEnvironment=A=1\u0000Bogus=1\n");
  put("latin1.service", Buffer.from("[Unit]\nDescription=caf\xe9\n", "latin1"));
  put("long-line.service", `[Service]\nExecStart=/usr/bin/echo ${"a".repeat(1024 * 1024)}\n`);
  put("many-lines.service", "[Unit]\n" + "\n".repeat(MAX_FILE_LINES + 1));
  // Sparse: 50 MiB on paper, refused from its size without reading a byte.
  const fd = openSync(join(u, "huge.service"), "w");
  ftruncateSync(fd, 50 * 1024 * 1024);
  closeSync(fd);
  symlinkSync("self.service", join(u, "self.service"));
  symlinkSync("..", join(u, "up"));
  symlinkSync("/dev/zero", join(u, "zero.service"));
  symlinkSync("/dev/null", join(u, "masked.service"));
  symlinkSync("missing.service", join(u, "dangling.service"));
  if (hasMkfifo) spawnSync("mkfifo", [join(u, "pipe.service"), join(u, "pipe.timer")]);
  let deep = join(dir, "deep");
  for (let i = 0; i < 70; i++) deep = join(deep, "d");
  mkdirSync(deep, { recursive: true });
  writeFileSync(join(deep, "too-deep.service"), GOOD);
  return dir;
}

describe("unitlint check over hostile files", () => {
  it("gives each a clear one-line message, never blocks, and still checks the good files", () => {
    const dir = hostileFolder();
    const t0 = Date.now();
    const r = run(["check", "--no-config", "--format", "json", "units", "deep"], { cwd: dir });
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const lines = r.stderr.trimEnd().split("\n");
    for (const line of lines) expect(line).toMatch(/^unitlint: \S.*: \S/);
    const messageFor = (name: string) => lines.filter((l) => l.includes(`${name}:`)).join("\n");
    expect(messageFor("elf.service")).toContain("binary file");
    expect(messageFor("controls.service")).toContain("binary file");
    expect(messageFor("huge.service")).toContain("file is 50 MiB, larger than the 4 MiB unitlint reads");
    expect(messageFor("many-lines.service")).toContain("more than 100,000 lines");
    expect(messageFor("self.service")).toContain("symbolic link loop");
    expect(messageFor("units/up/units")).toContain("symbolic link loop, folder already visited");
    expect(messageFor("zero.service")).toContain("a device file, not a unit file; skipped");
    expect(messageFor("dangling.service")).toContain("dangling symbolic link");
    expect(messageFor("/d/d/d")).toContain("deeper than 64 folders");
    if (hasMkfifo) expect(messageFor("pipe.service")).toContain("a FIFO (named pipe), not a unit file; skipped");
    expect(messageFor("masked.service")).toBe("");
    expect(messageFor("good.service")).toBe("");

    const findings = JSON.parse(r.stdout) as { file: string; rule: string; line: number }[];
    const rulesIn = (name: string) => findings.filter((f) => f.file.endsWith(name)).map((f) => `${f.line} ${f.rule}`);
    expect(rulesIn("warn.service")).toContain("3 syntax/invalid-line");
    expect(rulesIn("nul.service")).toContain("4 directives/unknown-directive");
    expect(rulesIn("long-line.service")).toContain("2 syntax/line-too-long");
    expect(rulesIn("latin1.service").some((x) => x.startsWith("2 "))).toBe(true);
  });

  it.skipIf(!hasMkfifo)("a FIFO given by name is refused at once, not opened", () => {
    const dir = tempDir("unitlint-hostile-");
    spawnSync("mkfifo", [join(dir, "p.service")]);
    const r = run(["check", "p.service"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("unitlint: p.service: a FIFO (named pipe), not a regular file or folder\n");
  });

  // Root reads everything, so as root the child runs as `nobody` (65534); Windows has no such modes.
  it.skipIf(process.platform === "win32")("permission denied on a file and a folder: exit 2, the rest is checked", () => {
    const dir = tempDir("unitlint-hostile-");
    chmodSync(dir, 0o755);
    mkdirSync(join(dir, "closed"));
    writeFileSync(join(dir, "closed", "x.service"), GOOD);
    writeFileSync(join(dir, "secret.service"), GOOD);
    writeFileSync(join(dir, "open.service"), "[Service]\nExecStart=/usr/bin/true\nnoequals\n");
    chmodSync(join(dir, "closed"), 0o700);
    chmodSync(join(dir, "secret.service"), 0o600);
    chmodSync(join(dir, "open.service"), 0o644);
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    if (process.getuid?.() !== 0) {
      chmodSync(join(dir, "closed"), 0);
      chmodSync(join(dir, "secret.service"), 0);
    }
    const r = spawnSync(process.execPath, [BIN, "check", "--no-config", "."], {
      cwd: dir,
      encoding: "utf8",
      timeout: 30_000,
      env: { ...process.env, NO_COLOR: "1" },
      ...asUser,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unitlint: closed: permission denied\n");
    expect(r.stderr).toContain("unitlint: secret.service: permission denied\n");
    expect(r.stdout).toContain("open.service:3:1");
  });
});

describe("reading files that change under us", () => {
  it("a file removed between the folder walk and the read is one message", () => {
    const dir = tempDir("unitlint-hostile-");
    writeFileSync(join(dir, "gone.service"), GOOD);
    const { files } = collectInputs([dir]);
    unlinkSync(files[0]!);
    expect(readUnitFile(files[0]!)).toEqual({ ok: false, message: "no such file or folder" });
  });

  it("a file swapped for a FIFO after the walk is refused without blocking", () => {
    if (!hasMkfifo) return;
    const dir = tempDir("unitlint-hostile-");
    writeFileSync(join(dir, "x.service"), GOOD);
    const { files } = collectInputs([dir]);
    unlinkSync(files[0]!);
    spawnSync("mkfifo", [files[0]!]);
    expect(readUnitFile(files[0]!)).toEqual({ ok: false, message: "a FIFO (named pipe), not a unit file; skipped" });
  });

  it("limits are checked before reading: a sparse file past the limit is refused by its size", () => {
    const dir = tempDir("unitlint-hostile-");
    const p = join(dir, "big.service");
    const fd = openSync(p, "w");
    ftruncateSync(fd, MAX_FILE_BYTES + 1);
    closeSync(fd);
    const r = readUnitFile(p);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/^file is 4 MiB, larger than the 4 MiB unitlint reads/);
  });
});
