import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCheck } from "../../src/cli/check.js";
import type { Io } from "../../src/cli/io.js";
import { tempDir } from "../helpers/cli.js";

function io(env: NodeJS.ProcessEnv): Io & { outText: () => string; errText: () => string } {
  let out = "";
  let err = "";
  return { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: false, env, readStdin: () => "", outText: () => out, errText: () => err };
}

describe("UNITLINT_TIMING", () => {
  const dir = tempDir();
  writeFileSync(join(dir, "app.service"), "[Unit]\nWants=network-online.targt\n\n[Service]\nExecStart=/usr/bin/app\nRestart=alwyas\n");
  writeFileSync(join(dir, "app.timer"), "[Timer]\nOnCalendar=daily\n");
  const opts = { format: "json", rule: [], config: false } as const;

  it("prints each rule's time on stderr, slowest first, and leaves the report as it is", async () => {
    const plain = io({});
    const timed = io({ UNITLINT_TIMING: "all" });
    expect(await runCheck([dir], opts, plain)).toBe(1);
    expect(await runCheck([dir], opts, timed)).toBe(1);
    expect(plain.errText()).toBe("");
    expect(timed.outText()).toBe(plain.outText());
    const lines = timed.errText().trimEnd().split("\n");
    expect(lines[0]).toMatch(/^Rule +\| Time \(ms\) \| Relative$/);
    const rows = lines.slice(2).map((l) => l.split("|").map((c) => c.trim()));
    const ids = rows.map((r) => r[0]);
    expect(ids).toContain("(parse)");
    expect(ids).toContain("values/invalid-value");
    expect(ids).toContain("calendar/schedule-warning");
    const ms = rows.map((r) => Number(r[1]));
    expect(ms.every((t) => Number.isFinite(t) && t >= 0)).toBe(true);
    expect([...ms].sort((a, b) => b - a)).toEqual(ms);
  });

  it("prints ten rows by default, or as many as asked", async () => {
    const ten = io({ UNITLINT_TIMING: "1" });
    await runCheck([dir], opts, ten);
    expect(ten.errText().trimEnd().split("\n")).toHaveLength(2 + 10);
    const three = io({ UNITLINT_TIMING: "3" });
    await runCheck([dir], opts, three);
    expect(three.errText().trimEnd().split("\n")).toHaveLength(2 + 3);
  });
});
