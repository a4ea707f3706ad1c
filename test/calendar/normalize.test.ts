import { describe, expect, it } from "vitest";
import { normalizeCalendar, parseCalendar } from "../../src/calendar/index.js";
import { MAN_NORMALIZED } from "./support/man-examples.js";

describe("normalized form (systemd.time(7) examples)", () => {
  for (const [input, normalized] of Object.entries(MAN_NORMALIZED)) {
    it(`${input} → ${normalized}`, () => {
      expect(normalizeCalendar(input, { tz: "UTC" })).toBe(normalized);
    });
  }
});

describe("what systemd 252 accepts and rejects", () => {
  const cases: [string, string | null][] = [
    ["Mon ", "Mon *-*-* 00:00:00"],
    ["2020-01-01 ", "2020-01-01 00:00:00"],
    ["12:00 ", null],
    ["*:*/5", null],
    ["*:0/5", "*-*-* *:00/5:00"],
    ["Mon-Fri", "Mon..Fri *-*-* 00:00:00"],
    ["Fri..Mon", null],
    ["Mon,,Tue", null],
    ["Mon,", "Mon *-*-* 00:00:00"],
    ["Mon..", null],
    ["*-*-* 00:00:05..05", null],
    ["*-*-* 05..05:00", "*-*-* 05:00:00"],
    ["*-*-31/5", null],
    ["*-04~07..27/1,07/4", null],
    ["*-04~07/4,04/1", "*-04~04/1,07/4 00:00:00"],
    ["@0", "1970-01-01 00:00:00 UTC"],
    ["@-1", null],
    ["Mon @86400", "Mon 1970-01-02 00:00:00 UTC"],
    ["1969-01-01", null],
    ["2200-01-01", null],
    ["anually", "*-01-01 00:00:00"],
    ["DAILY", "*-*-* 00:00:00"],
    ["daily  UTC", null],
    [" daily", null],
    ["*-02~*", "*-02-* 00:00:00"],
    ["Monday,Tuesday", "Mon,Tue *-*-* 00:00:00"],
    ["Mond", null],
    ["", null],
    ["UTC", null],
    [" UTC", null],
  ];
  for (const [input, normalized] of cases) {
    it(JSON.stringify(input), () => {
      expect(normalizeCalendar(input, { tz: "UTC" })).toBe(normalized ?? undefined);
    });
  }

  it("reports systemd's errno", () => {
    const r = parseCalendar("99999999999-01-01", { tz: "UTC" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.systemdMessage).toBe("Numerical result out of range");
    const many = parseCalendar(Array.from({ length: 242 }, (_, i) => (i % 60).toString()).join(",") + ":00", { tz: "UTC" });
    expect(many.ok).toBe(false);
    if (!many.ok) expect(many.systemdMessage).toBe("No buffer space available");
  });

  it("normalizing twice changes nothing", () => {
    for (const n of Object.values(MAN_NORMALIZED)) expect(normalizeCalendar(n, { tz: "UTC" })).toBe(n);
  });
});
