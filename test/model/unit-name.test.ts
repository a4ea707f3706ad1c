import fc from "fast-check";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { escapePath, parseUnitName, unescapePath, unitNameProblem } from "../../src/model/unit-name.js";

describe("unit names", () => {
  it("splits type, template and instance", () => {
    expect(parseUnitName("ots-worker@email.service")).toMatchObject({
      type: "service",
      isInstance: true,
      isTemplate: false,
      prefix: "ots-worker",
      instance: "email",
      template: "ots-worker@.service",
    });
    expect(parseUnitName("ots-worker@.service")).toMatchObject({ isTemplate: true, isInstance: false, instance: null });
    expect(parseUnitName("ots.target")).toMatchObject({ type: "target", isTemplate: false, isInstance: false });
    expect(parseUnitName("README").type).toBeNull();
  });

  it("validates like unit_name_is_valid()", () => {
    for (const ok of [
      "a.service",
      "a@.service",
      "a@b.service",
      "a@b@c.service",
      "dev-sda1.swap",
      "srv-my\\x2ddata.mount",
      "x:y_z.target",
      "-.mount",
      "a".repeat(247) + ".service",
    ])
      expect(unitNameProblem(ok), ok).toBeNull();
    for (const bad of ["", "a", ".service", "a.servic", "a b.service", "@a.service", "a/b.service", "é.service", "a".repeat(248) + ".service"])
      expect(unitNameProblem(bad), bad).not.toBeNull();
  });

  it("escapes paths like systemd-escape --path", () => {
    expect(escapePath("/")).toBe("-");
    expect(escapePath("/srv/data")).toBe("srv-data");
    expect(escapePath("/srv//my-data/")).toBe("srv-my\\x2ddata");
    expect(escapePath("/home/.hidden/é")).toBe("home-.hidden-\\xc3\\xa9");
    expect(escapePath("/.a/b")).toBe("\\x2ea-b");
    expect(unescapePath("srv-data")).toBe("/srv/data");
  });

  // Calls the installed systemd-escape; skipped where systemd is not installed.
  const hasEscape = spawnSync("systemd-escape", ["--version"]).status === 0;
  it.skipIf(!hasEscape)("agrees with systemd-escape --path on generated paths", () => {
    const paths = fc
      .sample(
        fc.array(fc.stringMatching(/^[a-zA-Z0-9 ._:@\\é-]{1,8}$/), { minLength: 1, maxLength: 4 }).map((parts) => "/" + parts.join("/")),
        { numRuns: 200, seed: 7 },
      )
      .filter((p) => !p.split("/").some((s) => s === "." || s === ".."));
    const r = spawnSync("systemd-escape", ["--path", ...paths], { encoding: "utf8" });
    const want = r.stdout.trim().split(/\s+/);
    expect(paths.map(escapePath)).toEqual(want);
  });
});
