import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { BIN, ROOT, ensureBin } from "../helpers/cli.js";

// processIo writes to file descriptors 1 and 2 itself (src/cli/io.ts), without Node's streams.
const env = { ...process.env, TZ: "UTC" };
delete env["NO_COLOR"];
delete env["FORCE_COLOR"];
const sh = (script: string) => spawnSync("bash", ["-c", script], { cwd: ROOT, encoding: "utf8", env });

describe.skipIf(process.platform === "win32")("standard output written to the descriptor", () => {
  beforeAll(() => ensureBin());

  it("a reader that stops early (| head) is not an error", () => {
    const r = sh(`set -o pipefail; node '${BIN}' calendar --iterations 300000 minutely | head -n 2`);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n")).toHaveLength(3);
  });

  it("keeps the exit code of a run whose reader stops early", () => {
    const r = sh(`set -o pipefail; node '${BIN}' calendar --iterations 300000 minutely bogus 2>/dev/null | head -n 1`);
    expect(r.status).toBe(1);
  });

  it("all of a large report reaches a pipe, in order", () => {
    const r = sh(`node '${BIN}' calendar --iterations 20000 --base-time '2026-01-01 00:00:00 UTC' minutely | tail -n 2`);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ *Iter\. #20000: Wed 2026-01-14 21:20:00 UTC\n *From now: .*\n$/);
  });

  it("/dev/null and files are not terminals: no colour", () => {
    const r = sh(
      `node '${BIN}' check --no-config examples/onetime-secret/etc/systemd/ots-worker@.service > /dev/null; node '${BIN}' check --no-config examples/onetime-secret/etc/systemd/ots-worker@.service | cat`,
    );
    expect(r.stdout).not.toContain("\u001b[");
  });
});
