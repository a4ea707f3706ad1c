import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assessUnit, SECURITY_CHECKS } from "../../src/hardening/assess.js";
import { hardenUnit } from "../../src/hardening/harden.js";
import { EffectiveUnit } from "../../src/model/effective-unit.js";
import { parseFile } from "../../src/model/unit-file.js";

const KEYS = [
  "User",
  "DynamicUser",
  "SupplementaryGroups",
  "CapabilityBoundingSet",
  "AmbientCapabilities",
  "RestrictNamespaces",
  "RestrictAddressFamilies",
  "SystemCallFilter",
  "SystemCallArchitectures",
  "UMask",
  "IPAddressDeny",
  "IPAddressAllow",
  "DeviceAllow",
  "DevicePolicy",
  "ProtectSystem",
  "ProtectHome",
  "PrivateDevices",
  "ProtectClock",
  "RootDirectory",
  "RootImage",
  "Delegate",
  "KeyringMode",
  "ProtectProc",
  "NotifyAccess",
];
const WORDS = [
  "~",
  "yes",
  "no",
  "",
  "none",
  "@system-service",
  "~@privileged",
  "AF_INET",
  "CAP_SYS_ADMIN",
  "::1",
  "0.0.0.0/0",
  "any",
  "0077",
  "user net",
  "x\\",
  "%i",
  "ünï",
  "\t",
];

const unitText = fc
  .array(fc.tuple(fc.constantFrom(...KEYS), fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 6 })), { maxLength: 4 })), { maxLength: 12 })
  .map((lines) => "[Service]\nExecStart=/bin/true\n" + lines.map(([k, w]) => `${k}=${w.join(" ")}`).join("\n") + "\n");

const unit = (text: string, name = "p.service") => new EffectiveUnit(name, parseFile(name, text), []);

describe("exposure engine properties", () => {
  it("any settings: 81 checks, badness within each range, score 0–100 with the matching rating; never throws", () => {
    fc.assert(
      fc.property(unitText, (text) => {
        const a = assessUnit(unit(text))!;
        expect(a.checks).toHaveLength(SECURITY_CHECKS.length);
        for (const c of a.checks) if (c.badness !== null) expect(c.badness >= 0 && c.badness <= c.check.range).toBe(true);
        expect(a.exposure >= 0 && a.exposure <= 100).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("harden never makes a unit worse, and its drop-in applied twice changes nothing more", () => {
    fc.assert(
      fc.property(unitText, fc.integer({ min: 0, max: 100 }), (text, target) => {
        const r = hardenUnit(unit(text), target)!;
        expect(r.after.exposure).toBeLessThanOrEqual(r.before.exposure);
        expect(r.reached).toBe(r.after.exposure <= target);
        const withDropin = new EffectiveUnit("p.service", parseFile("p.service", text), [parseFile("p.service.d/hardening.conf", r.dropin)]);
        const again = hardenUnit(withDropin, target)!;
        expect(again.before.exposure).toBe(r.after.exposure);
        if (r.reached) expect(again.steps).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it("arbitrary text (not only settings) never throws", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (junk) => {
        const a = assessUnit(unit("[Service]\n" + junk));
        expect(a === null || a.checks.length === SECURITY_CHECKS.length).toBe(true);
        hardenUnit(unit("[Service]\n" + junk));
      }),
      { numRuns: 300 },
    );
  });
});
