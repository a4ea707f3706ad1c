// Standard input and `-c FILE` get the limits files have: `check - < /dev/zero`
// once grew to 8 GB, `-c /dev/zero` without bound, and `-c FIFO` hung.
import { spawn, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_FILE_LINES } from "../../src/node/read.js";
import { BIN, ensureBin, run, tempDir } from "../helpers/cli.js";

const hasMkfifo = spawnSync("mkfifo", ["--version"]).status === 0;

beforeAll(() => ensureBin(), 120_000);

/** Run the CLI with a file (or device) as standard input; the peak RSS comes from GNU time when present. */
function runWithStdin(args: string[], stdinPath: string): { code: number | null; stderr: string } {
  const r = spawnSync("sh", ["-c", `exec "$0" "$@" < "${stdinPath}"`, process.execPath, BIN, ...args], {
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: r.status, stderr: r.stderr };
}

describe("standard input has the limits files have", () => {
  it("stops reading /dev/zero at the size limit: exit 2, one line", () => {
    const t0 = Date.now();
    const r = runWithStdin(["check", "--no-config", "-"], "/dev/zero");
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("unitlint: stdin.service: file is larger than the 4 MiB unitlint reads (unit files are a few KiB); not checked\n");
  });

  it("refuses a large stream without reading it all (a 50 MB pipe)", async () => {
    const child = spawn(process.execPath, [BIN, "check", "--no-config", "-"], { stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.stdin.on("error", () => {}); // EPIPE once unitlint stops reading
    const chunk = Buffer.from("[Service]\nExecStart=/bin/true\n".repeat(2000));
    let written = 0;
    const write = () => {
      while (written < 50e6 && !child.stdin.destroyed) {
        written += chunk.length;
        if (!child.stdin.write(chunk)) return void child.stdin.once("drain", write);
      }
      child.stdin.end();
    };
    write();
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(2);
    expect(stderr).toMatch(/^unitlint: stdin\.service: file (is larger than the 4 MiB|has more than 100,000 lines)/);
    expect(written).toBeLessThan(50e6);
  }, 60_000);

  it("refuses too many lines, as for a file", () => {
    const dir = tempDir("unitlint-stdin-");
    writeFileSync(join(dir, "lines"), "\n".repeat(MAX_FILE_LINES + 1));
    const r = runWithStdin(["check", "--no-config", "-", "--stdin-filename", "x.service"], join(dir, "lines"));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("unitlint: x.service: file has more than 100,000 lines (unit files have a few dozen); not checked\n");
  });

  it("still checks a normal unit from standard input", () => {
    const r = run(["check", "--no-config", "-"], { input: "[Servce]\n" });
    // a service with no [Service] section is refused by systemd: an error, exit 1
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("loading/service-without-start");
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("syntax/unknown-section");
  });
});

describe("-c FILE is checked like a discovered config file", () => {
  it("refuses a device: exit 2, one line, no growth", () => {
    const dir = tempDir("unitlint-config-");
    writeFileSync(join(dir, "a.service"), "[Service]\nExecStart=/bin/true\n");
    const r = run(["check", "-c", "/dev/zero", "a.service"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("unitlint: /dev/zero:1:1: cannot read: a device file, not a regular file\n");
  });

  it.runIf(hasMkfifo)("refuses a FIFO instead of waiting for a writer", () => {
    const dir = tempDir("unitlint-config-");
    writeFileSync(join(dir, "a.service"), "[Service]\nExecStart=/bin/true\n");
    spawnSync("mkfifo", [join(dir, "fifo.json")]);
    const t0 = Date.now();
    const r = run(["check", "-c", "fifo.json", "a.service"], { cwd: dir });
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("fifo.json:1:1: cannot read: a FIFO (named pipe)");
  });

  it("refuses a config file over 1 MiB, found or named", () => {
    const dir = tempDir("unitlint-config-");
    writeFileSync(join(dir, "a.service"), "[Service]\nExecStart=/bin/true\n");
    writeFileSync(join(dir, "unitlint.config.json"), `{"rules":{}}${" ".repeat(2 * 1024 * 1024)}`);
    for (const args of [
      ["check", "a.service"],
      ["check", "-c", "unitlint.config.json", "a.service"],
    ]) {
      const r = run(args, { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/unitlint\.config\.json:1:1: cannot read: file is 2 MiB, larger than the 1 MiB unitlint reads; not read\n$/);
    }
  });
});
