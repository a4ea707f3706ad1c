import { existsSync } from "node:fs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { directiveInfo, directivesFor, enumInfo, isListDirective, sectionsWithDirective, SPECIFIERS } from "../../src/knowledge/directives.js";

const DATA = join(import.meta.dirname, "..", "..", "..", "shared", "systemd");

// The generated tables must equal a fresh generation from ../shared/systemd (skipped where that data is not beside the repo).
describe.skipIf(!existsSync(join(DATA, "directives.tsv")))("knowledge tables", () => {
  it("are what scripts/gen-knowledge.mjs generates from the shared data", async () => {
    const { generate } = await import("../../scripts/gen-knowledge.mjs");
    for (const [name, text] of Object.entries(generate() as Record<string, string>)) {
      expect(readFileSync(join(import.meta.dirname, "..", "..", "src", "knowledge", name), "utf8"), `${name} is stale: run npm run gen:knowledge`).toBe(text);
    }
  });
});

describe("knowledge API", () => {
  it("knows directives per section, with list semantics, status and versions", () => {
    expect(directiveInfo("Service", "ExecStart")).toMatchObject({ isList: true, status: "current" });
    expect(directiveInfo("Service", "Restart")).toMatchObject({ isList: false, valueType: "enum" });
    expect(directiveInfo("Service", "MemoryLimit")).toMatchObject({ status: "obsolete", replacement: "MemoryMax" });
    expect(directiveInfo("Service", "restart")).toBeUndefined();
    expect(directiveInfo("Service", "ProtectProc")!.since).toBe(246);
    expect(isListDirective("Unit", "After")).toBe(true);
    expect(sectionsWithDirective("WantedBy").map((d) => d.section)).toEqual(["Install"]);
  });

  it("shares exec/kill/cgroup settings across the unit types that have them", () => {
    for (const section of ["Service", "Socket", "Mount", "Swap"]) expect(directiveInfo(section, "User"), section).toBeDefined();
    expect(directiveInfo("Timer", "User")).toBeUndefined();
    expect(directivesFor("timer", "Service")).toEqual([]);
    expect(directivesFor("service", "Service").length).toBeGreaterThan(200);
  });

  it("knows enums and specifiers", () => {
    expect(enumInfo("Restart")!.values).toContain("on-failure");
    expect(enumInfo("ProtectSystem")!.acceptsBoolean).toBe(true);
    expect(SPECIFIERS.find((s) => s.specifier === "%i")!.meaning.length).toBeGreaterThan(0);
  });
});
