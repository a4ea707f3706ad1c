import { existsSync, writeFileSync } from "node:fs";
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

const messages = (text: string) => (JSON.parse(text) as { message: string }[]).map((f) => f.message);

describe("check: the zone of the timer rules", () => {
  const dir = tempDir();
  // 02:30 does not exist in Central Europe on the last Sunday of March
  writeFileSync(join(dir, "backup.timer"), "[Timer]\nOnCalendar=*-*-* 02:30\n");
  const timer = join(dir, "backup.timer");
  const opts = { format: "json", rule: [], config: false } as const;

  it("--tz names the zone: a daily job at a time DST skips is reported there, not in UTC", async () => {
    const berlin = io({});
    expect(await runCheck([timer], { ...opts, tz: "Europe/Berlin" }, berlin)).toBe(0);
    expect(messages(berlin.outText()).join("\n")).toMatch(/02:30 does not exist in Europe\/Berlin/);
    const utc = io({});
    await runCheck([timer], { ...opts, tz: "UTC" }, utc);
    expect(messages(utc.outText()).join("\n")).not.toMatch(/does not exist/);
  });

  it("an unknown --tz is a usage error naming it (the CLI prints it and exits 2)", async () => {
    await expect(runCheck([timer], { ...opts, tz: "Mars/Olympus_Mons" }, io({}))).rejects.toThrow("--tz: unknown time zone 'Mars/Olympus_Mons'");
  });

  // A POSIX TZ string is read as glibc reads it only with the machine's zoneinfo files (else the runtime's zone data,
  // which knows zones by name only, is used and the host's zone stands in).
  it.skipIf(!existsSync("/usr/share/zoneinfo"))("TZ as a POSIX rule (CET-1CEST,...) is read as glibc reads it", async () => {
    const r = io({ TZ: "CET-1CEST,M3.5.0,M10.5.0/3" });
    await runCheck([timer], opts, r);
    expect(messages(r.outText()).join("\n")).toMatch(/02:30 does not exist in CET-1CEST/);
  });
});
