import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lintSources } from "../../src/linter/lint.js";

const cycles = (files: Record<string, string>, settings = {}) =>
  lintSources(
    Object.entries(files).map(([path, text]) => ({ path, text })),
    { settings },
  ).findings.filter((f) => f.rule === "dependencies/ordering-cycle");
const svc = (unit: string) => `[Unit]\n${unit}[Service]\nExecStart=/bin/true\n`;

// Each case below was checked with `systemd-analyze verify` (systemd 252), which reports "Found ordering cycle" for exactly the bad ones.
describe("ordering cycles through implied dependencies", () => {
  it("a service with default dependencies ordered before sysinit.target or basic.target", () => {
    const f = cycles({ "early.service": svc("Before=sysinit.target\n") });
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain("sysinit.target → early.service → sysinit.target");
    expect(f[0]!.message).toContain("DefaultDependencies=no");
    expect(f[0]!.related?.map((r) => `${r.file}:${r.line} ${r.message}`)).toEqual([
      "early.service:1 early.service starts after sysinit.target (default dependency of a service: After=sysinit.target)",
    ]);
    expect(cycles({ "early.service": svc("DefaultDependencies=no\nBefore=sysinit.target\n") })).toEqual([]);
    expect(cycles({ "late.service": svc("Before=basic.target\n") })).toHaveLength(1);
  });

  it("two cycles sharing only a target are both reported", () => {
    expect(cycles({ "a.service": svc("Before=sysinit.target\n"), "b.service": svc("Before=basic.target\n") }).map((f) => f.file)).toEqual([
      "a.service",
      "b.service",
    ]);
  });

  it("Before=shutdown.target (a stop and a start job) never closes a cycle", () => {
    expect(cycles({ "s.service": svc("After=shutdown.target\n") })).toEqual([]);
  });

  it("an instance wanted by a target counts as its template", () => {
    const f = cycles({ "a.target": "[Unit]\nWants=w@x.service c.service\n", "w@.service": svc("After=c.service\n"), "c.service": svc("After=a.target\n") });
    expect(f.map((x) => x.message)).toEqual([expect.stringContaining("w@.service → c.service → a.target → w@.service")]);
  });

  it("a target adds no ordering on a member with DefaultDependencies=no", () => {
    const files = { "a.target": "[Unit]\nWants=w.service c.service\n", "w.service": svc("After=c.service\n"), "c.service": svc("After=a.target\n") };
    expect(cycles(files)).toHaveLength(1);
    expect(cycles({ ...files, "w.service": svc("DefaultDependencies=no\nAfter=c.service\n") })).toEqual([]);
  });

  it("the system and the user manager are separate graphs (each has its own basic.target)", () => {
    const system = { "system/sync-wait.service": svc("Before=time-sync.target\n"), "system/daily.timer": "[Timer]\nOnCalendar=daily\n" };
    const basic = "[Unit]\nAfter=timers.target\n";
    expect(cycles({ ...system, "home/.config/systemd/user/basic.target": basic })).toEqual([]);
    // the same basic.target in the system manager closes the loop (a timer starts after time-sync.target, before timers.target)
    expect(cycles({ ...system, "system/basic.target": basic })).toHaveLength(1);
  });

  it("k services each ordered before sysinit.target give k cycles, each once", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), (k) => {
        const files = Object.fromEntries(Array.from({ length: k }, (_, i) => [`e${i}.service`, svc("Before=sysinit.target\n")]));
        expect(cycles(files).map((f) => f.file)).toEqual(Object.keys(files));
      }),
      { numRuns: 6 },
    );
  });
});

describe("startsAfter (searched from both ends)", () => {
  it("answers as a plain forward search over the same edges does", async () => {
    const { startsAfter, startsAfterEdges } = await import("../../src/analysis/ordering.js");
    const { buildUnitSet } = await import("../../src/model/unit-set.js");
    const { parseFile } = await import("../../src/model/unit-file.js");
    const names = ["a.service", "b.service", "c.service", "d.socket", "e.timer", "f.target", "g.target"];
    const dep = fc.record({ key: fc.constantFrom("After", "Before", "Wants", "Requires"), to: fc.constantFrom(...names, "basic.target", "multi-user.target") });
    const unit = fc.record({ deps: fc.array(dep, { maxLength: 4 }), defaults: fc.boolean(), install: fc.boolean() });
    fc.assert(
      fc.property(fc.array(unit, { minLength: names.length, maxLength: names.length }), (units) => {
        const files = units.map((u, i) => {
          const body = `[Unit]\n${u.defaults ? "" : "DefaultDependencies=no\n"}${u.deps.map((d) => `${d.key}=${d.to}\n`).join("")}${u.install ? "[Install]\nWantedBy=multi-user.target\n" : ""}`;
          return parseFile(names[i]!, body);
        });
        const set = buildUnitSet(files);
        const out = new Map<string, Set<string>>();
        for (const e of startsAfterEdges(set, "system")) {
          if (!out.has(e.from)) out.set(e.from, new Set());
          out.get(e.from)!.add(e.to);
        }
        const plain = (from: string, to: string) => {
          const seen = new Set([from]);
          const queue = [from];
          for (let i = 0; i < queue.length; i++) {
            for (const n of out.get(queue[i]!) ?? []) {
              if (n === to) return true;
              if (!seen.has(n)) {
                seen.add(n);
                queue.push(n);
              }
            }
          }
          return false;
        };
        const after = startsAfter(set, "system");
        const all = [...names, "basic.target", "multi-user.target", "sysinit.target"];
        for (const x of all) for (const y of all) expect(after(x, y), `${x} after ${y}`).toBe(plain(x, y));
      }),
      { numRuns: 200 },
    );
  });
});
