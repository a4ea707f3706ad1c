import { existsSync } from "node:fs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hasSystemdAnalyze } from "../calendar/support/systemd-analyze.js";
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

const SECCOMP_SOURCES = ["/usr/include/x86_64-linux-gnu/asm/unistd_64.h", "/usr/include/x86_64-linux-gnu/bits/socket.h", "/usr/include/linux/capability.h"];
// The system-call groups come from the installed systemd-analyze 252 and the x86-64 headers (skipped where those are absent).
describe.skipIf(!hasSystemdAnalyze || !SECCOMP_SOURCES.every((p) => existsSync(p)))(
  "seccomp tables (skipped: needs systemd-analyze 252 and the x86-64 Linux headers)",
  () => {
    it("are what scripts/gen-seccomp.mjs generates", async () => {
      const { generate } = await import("../../scripts/gen-seccomp.mjs");
      const file = join(import.meta.dirname, "..", "..", "src", "knowledge", "seccomp.generated.ts");
      expect(readFileSync(file, "utf8"), "seccomp.generated.ts is stale: run node scripts/gen-seccomp.mjs").toBe(generate() as string);
    });
  },
);

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
