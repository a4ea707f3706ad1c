import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCheck } from "../../src/cli/check.js";
import type { Io } from "../../src/cli/io.js";
import { tempDir } from "../helpers/cli.js";

function fakeIo(errIsTTY: boolean): Io & { errText: () => string } {
  let err = "";
  return { out: () => undefined, err: (s) => void (err += s), isTTY: false, errIsTTY, env: {}, readStdin: () => "", errText: () => err };
}

describe("progress on stderr", () => {
  const dir = tempDir();
  mkdirSync(join(dir, "u"));
  for (let i = 0; i < 1000; i++) writeFileSync(join(dir, "u", `s${i}.service`), "[Service]\nExecStart=/bin/true\n");

  it("is shown for long runs when stderr is a terminal, and only then", async () => {
    const tty = fakeIo(true);
    expect(await runCheck([join(dir, "u")], { format: "json", rule: [], config: false }, tty)).toBe(0);
    expect(tty.errText()).toContain("\runitlint: reading 500/1000 files");
    const pipe = fakeIo(false);
    await runCheck([join(dir, "u")], { format: "json", rule: [], config: false }, pipe);
    expect(pipe.errText()).toBe("");
  });
});
