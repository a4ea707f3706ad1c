import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CALENDAR_COMMANDS } from "../../src/cli/commands/calendar-commands.js";
import { BIN, ROOT, ensureBin } from "../helpers/cli.js";

// The bin runs `calendar`, `next` and `timespan` from dist/calendar.cjs, a bundle of those commands only
// (src/cli/loader.cjs); dist/cli.cjs, the whole CLI, runs them too when started directly. Both must answer alike.
const run = (file: string, args: string[]) => {
  const r = spawnSync(process.execPath, [file, ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", TZ: "Europe/Berlin" } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};
const WHOLE = join(ROOT, "dist", "cli.cjs");

describe("the calendar commands' own bundle", () => {
  beforeAll(() => ensureBin());

  it("is what the loader runs for exactly these commands", () => {
    const loader = readFileSync(join(ROOT, "src", "cli", "loader.cjs"), "utf8");
    const named = [...loader.matchAll(/command === "([a-z0-9]+)"/g)].map((m) => m[1]);
    expect(named.sort()).toEqual([...CALENDAR_COMMANDS].sort());
  });

  it.each([
    ["calendar", "--iterations", "4", "--base-time", "2026-03-28 00:00:00 UTC", "*-*-* 02:30", "Mon *-*-* 08:00 Europe/Berlin", "bogus"],
    ["calendar", "--json", "--iterations", "2", "--base-time", "2026-03-28 00:00:00 UTC", "daily"],
    ["calendar", "--help"],
    ["calendar"],
    ["next", "-n", "3", "--base-time", "2026-01-01 00:00:00 UTC", "Mon..Fri *-*-* 09:00"],
    ["next", "--json", "--cron", "-n", "2", "--base-time", "2026-01-01 00:00:00 UTC", "*/15 * * * *"],
    ["next", "--bogus"],
    ["timespan", "5min 20s", "1y 3 weeks", "bogus"],
    ["timespan", "--json", "90s"],
  ])("answers %s like the whole CLI: %j", (...args) => {
    expect(run(BIN, args)).toEqual(run(WHOLE, args));
  });
});
