import { describe, expect, it } from "vitest";
import { assessUnit, formatExposure } from "../../src/hardening/assess.js";
import { parseFile } from "../../src/model/unit-file.js";
import { buildUnitSet } from "../../src/model/unit-set.js";
import { analyse } from "../../src/playground/analysis.js";
import { exposureRows, ratingClass } from "../../src/playground/exposure-panel.js";
import { DEFAULT_STATE } from "../../src/playground/state.js";

const SERVICE = "[Service]\nExecStart=/usr/bin/app\nUser=app\n";
const DROPIN = "[Service]\nProtectSystem=strict\nPrivateDevices=yes\n";

describe("playground exposure", () => {
  it("scores the unit with its drop-in applied, as the engine does on the same files", () => {
    const a = analyse({ ...DEFAULT_STATE, filename: "app.service", text: SERVICE, dropin: DROPIN }, () => 0);
    const set = buildUnitSet([parseFile("app.service", SERVICE), parseFile("app.service.d/override.conf", DROPIN)]);
    const want = assessUnit(set.byName.get("app.service")!)!;
    expect(a.exposure?.exposure).toBe(want.exposure);
    expect(a.exposure?.rating).toBe(want.rating);
    const alone = analyse({ ...DEFAULT_STATE, filename: "app.service", text: SERVICE }, () => 0);
    expect(alone.exposure!.exposure).toBeGreaterThan(want.exposure);
  });

  it("has no score for units without an execution context", () => {
    expect(analyse({ ...DEFAULT_STATE, filename: "app.timer", text: "[Timer]\nOnCalendar=daily\n" }, () => 0).exposure).toBeNull();
    expect(analyse({ ...DEFAULT_STATE, filename: "app.target", text: "[Unit]\nDescription=x\n" }, () => 0).exposure).toBeNull();
    for (const name of ["app.socket", "mnt-data.mount", "dev-sda2.swap"])
      expect(analyse({ ...DEFAULT_STATE, filename: name, text: "" }, () => 0).exposure, name).not.toBeNull();
  });

  it("lists every check worst first with systemd's marks", () => {
    const a = analyse({ ...DEFAULT_STATE, text: SERVICE }, () => 0).exposure!;
    const rows = exposureRows(a);
    expect(rows).toHaveLength(a.checks.length);
    const shares = rows.map((r) => (r.exposure === "" ? 0 : Number(r.exposure)));
    expect(shares).toEqual([...shares].sort((x, y) => y - x));
    expect(rows.find((r) => r.setting === "User=/DynamicUser=")?.mark).toBe("✓");
    expect(rows.find((r) => r.setting === "PrivateNetwork=")?.mark).toBe("✗");
    // RemoveIPC= only counts for services that do not run as root
    const root = exposureRows(analyse({ ...DEFAULT_STATE, text: "[Service]\nExecStart=/usr/bin/app\n" }, () => 0).exposure!);
    expect(root.find((r) => r.setting === "RemoveIPC=")).toMatchObject({ mark: "", exposure: "" });
    expect(rows.find((r) => r.setting === "RemoveIPC=")?.mark).toBe("✗");
    expect(formatExposure(a.exposure)).toMatch(/^\d+\.\d$/);
  });

  it("colours ratings like systemd-analyze", () => {
    expect(["DANGEROUS", "UNSAFE", "EXPOSED", "MEDIUM", "OK", "SAFE", "PERFECT"].map((r) => ratingClass(r as never))).toEqual([
      "red",
      "red",
      "yellow",
      "plain",
      "green",
      "green",
      "green",
    ]);
  });
});
