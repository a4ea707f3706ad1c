import { describe, expect, it } from "vitest";
import { parseCalendar } from "../../src/calendar/index.js";

describe("a spec is parsed once per zone", () => {
  it("the same text in the same zone gives the very same result; another zone parses again", () => {
    const a = parseCalendar("Mon *-*-* 08:00", { tz: "UTC" });
    expect(parseCalendar("Mon *-*-* 08:00", { tz: "UTC" })).toBe(a);
    const berlin = parseCalendar("Mon *-*-* 08:00", { tz: "Europe/Berlin" });
    expect(berlin).not.toBe(a);
    expect(berlin.ok && a.ok && berlin.normalized === a.normalized).toBe(true);
    // zone abbreviations are read against the session's zone: CEST (no zone file of that name) is a suffix in Berlin only
    expect(parseCalendar("*-*-* 08:00 CEST", { tz: "Europe/Berlin" }).ok).toBe(true);
    expect(parseCalendar("*-*-* 08:00 CEST", { tz: "UTC" }).ok).toBe(false);
  });
});
