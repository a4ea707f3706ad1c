import { describe, expect, it } from "vitest";
import { lint, nextElapses, parseUnitFile, directiveInfo } from "../src/index.js";

// The README's library example, as a test.
describe("library API", () => {
  it("lint, parseUnitFile, nextElapses, directiveInfo", () => {
    const { findings } = lint([{ path: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nRestartsec=5\n" }]);
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`)).toEqual(["app.service:3:1 directives/unknown-directive"]);
    const { ast } = parseUnitFile("[Unit]\nDescription=x\n");
    expect(ast.sections[0]!.entries[0]!.valueRange).toEqual({ start: 19, end: 20 });
    const { elapses } = nextElapses("Mon *-*-* 08:00", { tz: "Europe/Berlin", count: 3, base: new Date("2026-11-22T12:00:00Z") });
    expect(elapses.map((e) => e.iso)).toEqual(["2026-11-23T08:00:00+01:00", "2026-11-30T08:00:00+01:00", "2026-12-07T08:00:00+01:00"]);
    expect(directiveInfo("Service", "Restart")?.valueType).toBe("enum");
  });
});

describe("library API: security", () => {
  it("scores in-memory units with their drop-ins, like systemd-analyze security", async () => {
    const { security, hardenUnit, EffectiveUnit, parseFile } = await import("../src/index.js");
    const [r] = security([
      { path: "etc/app.service", text: "[Service]\nExecStart=/usr/bin/app\n" },
      { path: "etc/app.service.d/user.conf", text: "[Service]\nUser=app\n" },
      { path: "etc/app.timer", text: "[Timer]\nOnCalendar=daily\n" },
    ]);
    expect(r).toMatchObject({ unit: "app.service", file: "etc/app.service", exposure: 9.2, rating: "UNSAFE" });
    const h = hardenUnit(new EffectiveUnit("app.service", parseFile("app.service", "[Service]\nExecStart=/usr/bin/app\n"), []))!;
    expect(h.after.exposure).toBeLessThanOrEqual(49);
  });
});
