import { describe, expect, it } from "vitest";
import type { Io } from "../../src/cli/io.js";
import { UsageError } from "../../src/cli/errors.js";
import { runCalendar } from "../../src/cli/commands/calendar.js";
import { iterationsArg } from "../../src/cli/calendar-args.js";
import { runNext } from "../../src/cli/commands/next.js";
import { runTimespan } from "../../src/cli/commands/timespan.js";
import { runCron2Calendar } from "../../src/cli/commands/cron2calendar.js";
import { hasSystemdAnalyze, runSystemdAnalyze } from "./support/systemd-analyze.js";

function fakeIo(env: Record<string, string> = {}): Io & { stdout: string; stderr: string } {
  const io = {
    stdout: "",
    stderr: "",
    out: (s: string) => void (io.stdout += s),
    err: (s: string) => void (io.stderr += s),
    isTTY: false,
    env: { LANG: "C.UTF-8", ...env },
    readStdin: () => "",
  };
  return io;
}

describe("unitlint calendar", () => {
  it("prints systemd-analyze's table and exits 0", () => {
    const io = fakeIo({ TZ: "UTC" });
    expect(runCalendar(["daily"], { iterations: 2, baseTime: "@1767225600" }, io)).toBe(0);
    expect(io.stdout).toMatch(
      /^ {2}Original form: daily\nNormalized form: \*-\*-\* 00:00:00\n {4}Next elapse: Fri 2026-01-02 00:00:00 UTC\n {7}From now: .*\n {7}Iter. #2: Sat 2026-01-03 00:00:00 UTC\n {7}From now: .*\n$/,
    );
  });

  it("reports an invalid spec like systemd and exits 1, still printing the others", () => {
    const io = fakeIo({ TZ: "UTC" });
    expect(runCalendar(["foo", "hourly"], { iterations: 1, baseTime: "@0" }, io)).toBe(1);
    expect(io.stderr.split("\n")[0]).toBe("Failed to parse calendar specification 'foo': Invalid argument");
    expect(io.stdout.startsWith("\n  Original form: hourly\n")).toBe(true);
  });

  it("hints at the right command", () => {
    const io = fakeIo({ TZ: "UTC" });
    runCalendar(["5min"], { iterations: 1, baseTime: "@0" }, io);
    expect(io.stderr).toContain(`Hint: this expression is a valid timespan. Use 'unitlint timespan "5min"' instead?`);
  });

  it("usage errors are UsageErrors (exit 2), not stack traces", () => {
    expect(() => iterationsArg("x")).toThrow(UsageError);
    expect(() => runCalendar(["daily"], { iterations: 1, baseTime: "yesterdayish" }, fakeIo())).toThrow(UsageError);
  });

  it("--json", () => {
    const io = fakeIo({ TZ: "Europe/Berlin" });
    expect(runCalendar(["Mon *-*-* 10:00", "*-*-* 25:00"], { iterations: 1, baseTime: "@1767225600", json: true }, io)).toBe(1);
    const out = JSON.parse(io.stdout);
    expect(out[0]).toMatchObject({
      ok: true,
      normalized: "Mon *-*-* 10:00:00",
      elapses: [{ iso: "2026-01-05T10:00:00+01:00", local: "Mon 2026-01-05 10:00:00 CET", utc: "Mon 2026-01-05 09:00:00 UTC" }],
    });
    expect(out[1]).toMatchObject({ ok: false, error: { systemd: "Invalid argument", code: "value-out-of-range", field: "hour", column: 7 } });
  });

  describe.skipIf(!hasSystemdAnalyze)("byte for byte with systemd-analyze (skipped: not installed)", () => {
    for (const tz of ["UTC", "Europe/Berlin", "Australia/Lord_Howe"]) {
      it(`TZ=${tz}`, () => {
        const specs = ["Mon..Fri *-*-* 09:00", "*-*-* 02:30", "quarterly Asia/Kathmandu", "*-02-29 12:00", "bogus", "*-*~01 23:30"];
        const io = fakeIo({ TZ: tz });
        const code = runCalendar(specs, { iterations: 5, baseTime: "2026-03-20 00:00:00 UTC" }, io);
        const theirs = runSystemdAnalyze(["calendar", "--iterations=5", "--base-time=2026-03-20 00:00:00 UTC", ...specs], tz);
        const strip = (s: string) => s.replace(/^ *From now:.*\n/gm, "");
        expect(strip(io.stdout)).toBe(strip(theirs.stdout));
        expect(code).toBe(theirs.status);
      });
    }
  });
});

describe("unitlint next", () => {
  it("auto-detects cron and prints the equivalent OnCalendar=", () => {
    const io = fakeIo();
    expect(runNext("0 2 * * 1-5", { n: 2, tz: "Europe/Berlin", baseTime: "2026-01-01 00:00:00 UTC" }, io)).toBe(0);
    expect(io.stdout).toBe(
      "OnCalendar=Mon..Fri *-*-* 02:00:00\nThu 2026-01-01 02:00:00 CET  2026-01-01T02:00:00+01:00\nFri 2026-01-02 02:00:00 CET  2026-01-02T02:00:00+01:00\n",
    );
  });

  it("--json has ok, kind, normalized, elapses, error", () => {
    const io = fakeIo();
    expect(runNext("*-*-* 10:00", { n: 1, tz: "Asia/Kathmandu", baseTime: "@1767225600", json: true }, io)).toBe(0);
    expect(JSON.parse(io.stdout)).toEqual({ ok: true, kind: "calendar", normalized: "*-*-* 10:00:00", elapses: ["2026-01-01T10:00:00+05:45"] });
    const bad = fakeIo();
    expect(runNext("*-*-* 10:61", { n: 1, tz: "UTC", json: true }, bad)).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, kind: "calendar", error: { column: 10 } });
    const badCron = fakeIo();
    expect(runNext("61 * * * *", { n: 1, tz: "UTC", json: true, cron: true }, badCron)).toBe(1);
    expect(JSON.parse(badCron.stdout)).toMatchObject({ ok: false, kind: "cron", error: { column: 1 } });
  });

  it("accepts a zone name after --base-time (systemd 252 does not)", () => {
    const io = fakeIo();
    expect(runNext("hourly", { n: 1, tz: "UTC", baseTime: "2026-01-01 10:30 Europe/Berlin", json: true }, io)).toBe(0);
    expect(JSON.parse(io.stdout).elapses).toEqual(["2026-01-01T10:00:00+00:00"]);
  });

  it("unknown --tz is a usage error", () => {
    expect(() => runNext("daily", { n: 1, tz: "Mars/Olympus" }, fakeIo())).toThrow(UsageError);
  });
});

describe("unitlint timespan and cron2calendar", () => {
  it("timespan prints systemd-analyze's report", () => {
    const io = fakeIo();
    expect(runTimespan(["1h30m", "90"], {}, io)).toBe(0);
    expect(io.stdout).toBe("Original: 1h30m\n      μs: 5400000000\n   Human: 1h 30min\n\nOriginal: 90\n      μs: 90000000\n   Human: 1min 30s\n");
    const c = fakeIo({ LANG: "C" });
    runTimespan(["1"], {}, c);
    expect(c.stdout).toContain("      us: 1000000");
    const bad = fakeIo();
    expect(runTimespan(["5mins"], {}, bad)).toBe(1);
    expect(bad.stderr.split("\n")[0]).toBe("Failed to parse time span '5mins': Invalid argument");
  });

  it("cron2calendar prints OnCalendar= lines", () => {
    const io = fakeIo();
    expect(runCron2Calendar("*/15 9-17 * * mon-fri", {}, io)).toBe(0);
    expect(io.stdout).toBe("OnCalendar=Mon..Fri *-*-* 09..17:00/15:00\n");
    const reboot = fakeIo();
    expect(runCron2Calendar("@reboot", {}, reboot)).toBe(1);
    expect(reboot.stderr).toContain("OnBootSec=");
  });
});

describe("browser safety", () => {
  it("src/calendar imports no Node built-ins and reads no process state", async () => {
    const { readdirSync, readFileSync, statSync } = await import("node:fs");
    const root = new URL("../../src/calendar/", import.meta.url);
    const walk = (dir: URL): string[] =>
      readdirSync(dir).flatMap((n) => {
        const u = new URL(n, dir);
        return statSync(u).isDirectory() ? walk(new URL(n + "/", dir)) : n.endsWith(".ts") ? [u.pathname] : [];
      });
    for (const file of walk(root)) {
      const text = readFileSync(file, "utf8");
      expect(text, file).not.toMatch(/from "node:|require\(|\bprocess\.(env|argv|stdout|stderr|exit|cwd)/);
    }
  });
});
