import { describe, expect, it } from "vitest";
import { lintSources } from "../../src/linter/lint.js";
import type { LintSettings } from "../../src/rules/types.js";

// The timer rules read their zone from LintSettings.timeZone (what `check`
// resolves the way `next`, `calendar` and `schedule` do), not a fixed UTC.
const now = Date.UTC(2026, 0, 1);
const lint = (files: Record<string, string>, rule: string, settings: Partial<LintSettings> = {}) =>
  lintSources(
    Object.entries(files).map(([path, text]) => ({ path, text })),
    { settings: { now, ...settings } },
  ).findings.filter((f) => f.rule === rule);

describe("LintSettings.timeZone", () => {
  it("calendar/schedule-warning finds a DST gap in the run's zone; a rule option still wins", () => {
    const timer = { "t.timer": "[Timer]\nOnCalendar=*-*-* 02:30\n" };
    expect(lint(timer, "calendar/schedule-warning")).toEqual([]);
    expect(lint(timer, "calendar/schedule-warning", { timeZone: "Europe/Berlin" }).length).toBeGreaterThan(0);
    expect(lint(timer, "calendar/schedule-warning", { timeZone: "Europe/Berlin", ruleOptions: { "calendar/schedule-warning": { timezone: "UTC" } } })).toEqual(
      [],
    );
  });

  it("timers/simultaneous-timers compares start times in the run's zone", () => {
    // 09:00 in Berlin and 08:00 UTC are the same instant in winter, an hour apart in UTC terms
    const files = {
      "a.timer": "[Timer]\nOnCalendar=*-*-* 09:00\n[Install]\nWantedBy=timers.target\n",
      "a.service": "[Service]\nExecStart=/bin/true\n",
      "b.timer": "[Timer]\nOnCalendar=*-*-* 08:00 UTC\n[Install]\nWantedBy=timers.target\n",
      "b.service": "[Service]\nExecStart=/bin/true\n",
    };
    expect(lint(files, "timers/simultaneous-timers")).toEqual([]);
    expect(lint(files, "timers/simultaneous-timers", { timeZone: "Europe/Berlin" }).length).toBeGreaterThan(0);
  });
});
