import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { CachedFindings, LintCache } from "../../src/linter/cache.js";
import { lintSources, type LintSource } from "../../src/linter/lint.js";
import { allRules } from "../../src/rules/registry.js";
import { defineRule, type Rule } from "../../src/rules/types.js";

/** An in-memory cache that counts what was asked of it. */
class MemoryCache implements LintCache {
  entries = new Map<string, CachedFindings>();
  // a digest, as the command line's cache makes: keys never hold the inputs' text
  digest = (text: string) => createHash("sha256").update(text).digest("base64url");
  get = (key: string) => this.entries.get(key);
  set = (key: string, value: CachedFindings) => void this.entries.set(key, structuredClone(value));
}

const SOURCES: LintSource[] = [
  {
    path: "app.service",
    text: "[Unit]\nWants=db.service\n[Service]\nExecStart=/usr/bin/app\nRestartsec=5\nEnvironment=API_TOKEN=s3cr3t-v4lue-1234\nEnvironment=API_TOKEN=s3cr3t-v4lue-1234\n",
  },
  { path: "db.service", text: "[Service]\nExecStart=/usr/bin/db\nStandardOutput=syslog\n" },
  { path: "nightly.timer", text: "[Timer]\nOnCalendar=2020-01-01 03:00\n" },
  { path: "nightly.service", text: "[Service]\n# unitlint-disable-next-line exec/relative-path\nType=oneshot\nExecStart=/usr/bin/job\n" },
];
const NOW = Date.UTC(2026, 11, 6, 9, 30);
const norm = (r: ReturnType<typeof lintSources>) => JSON.stringify(r.findings);

describe("lint cache", () => {
  it("a second run over the same inputs parses nothing and gives the same findings", () => {
    const cache = new MemoryCache();
    const cold = lintSources(SOURCES, { cache, settings: { now: NOW } });
    expect(cold.files).toHaveLength(4);
    const warm = lintSources(SOURCES, { cache, settings: { now: NOW } });
    expect(warm.files).toHaveLength(0);
    expect(norm(warm)).toBe(norm(cold));
    expect(norm(warm)).toBe(norm(lintSources(SOURCES, { settings: { now: NOW } })));
    expect(cold.findings.length).toBeGreaterThan(3);
  });

  it("never keeps a secret a message quoted", () => {
    const cache = new MemoryCache();
    const { findings } = lintSources(SOURCES, { cache, settings: { now: NOW } });
    // a rule does quote the line (masked), so the cache had a secret to keep out
    expect(findings.some((f) => f.message.includes("API_TOKEN=****"))).toBe(true);
    expect(JSON.stringify([...cache.entries.values()])).not.toContain("s3cr3t-v4lue-1234");
  });

  it("after an edit, reruns the edited file's rules only, and the rest on the new set", () => {
    let fileRuns: string[] = [];
    const probe: Rule = defineRule({
      meta: { ...allRules[0]!.meta, id: "test/probe", severity: "warning", messages: { m: "seen" } },
      checkFile: (ctx) => void fileRuns.push(ctx.file.path),
    });
    const ruleSet = [...allRules, probe];
    const cache = new MemoryCache();
    lintSources(SOURCES, { cache, ruleSet, settings: { now: NOW } });
    expect(fileRuns.sort()).toEqual(SOURCES.map((s) => s.path).sort());
    fileRuns = [];
    // db.service renamed away: app.service's Wants= now points nowhere (a set finding), db's own findings go
    const edited = [SOURCES[0]!, { path: "db2.service", text: SOURCES[1]!.text }, ...SOURCES.slice(2)];
    const warm = lintSources(edited, { cache, ruleSet, settings: { now: NOW } });
    expect(fileRuns).toEqual(["db2.service"]);
    expect(norm(warm)).toBe(norm(lintSources(edited, { ruleSet, settings: { now: NOW } })));
  });

  it("a change of configuration is a change of key", () => {
    const cache = new MemoryCache();
    const base = lintSources(SOURCES, { cache, settings: { now: NOW } });
    const off = lintSources(SOURCES, { cache, settings: { now: NOW }, rules: { "directives/unknown-directive": "off" } });
    expect(off.files).toHaveLength(4);
    expect(base.findings.some((f) => f.rule === "directives/unknown-directive")).toBe(true);
    expect(off.findings.some((f) => f.rule === "directives/unknown-directive")).toBe(false);
  });

  it("reuses results that read the clock only within the hour they were computed in", () => {
    const cache = new MemoryCache();
    lintSources(SOURCES, { cache, settings: { now: NOW } });
    expect([...cache.entries.values()].some((e) => e.hour !== undefined)).toBe(true);
    // not every entry is tied to the clock: units without a timer keep theirs
    expect([...cache.entries.values()].some((e) => e.hour === undefined)).toBe(true);
    expect(lintSources(SOURCES, { cache, settings: { now: NOW + 20 * 60_000 } }).files).toHaveLength(0);
    expect(lintSources(SOURCES, { cache, settings: { now: NOW + 40 * 60_000 } }).files).toHaveLength(4);
  });

  describe("unit and set rules after an edit", () => {
    /** Which units each probe checked, and how often the set rules ran. */
    let units: string[] = [];
    let sets = 0;
    let wholeSet: string[] = [];
    const meta = { ...allRules[0]!.meta, unitTypes: undefined, severity: "warning" as const, messages: { m: "{text}" } };
    const unitProbe: Rule = defineRule({ meta: { ...meta, id: "test/unit-probe" }, checkUnit: (ctx) => void units.push(ctx.unit.name.name) });
    const setProbe: Rule = defineRule({ meta: { ...meta, id: "test/set-probe" }, checkSet: () => void sets++ });
    const greedyProbe: Rule = defineRule({
      meta: { ...meta, id: "test/greedy-probe", readsOtherUnits: "anything" },
      checkUnit: (ctx) => void wholeSet.push(ctx.unit.name.name),
    });
    /** Reports on app.service, pointing at db.service's ExecStart= line (a finding in another unit's file). */
    const pointer: Rule = defineRule({
      meta: { ...meta, id: "test/pointer" },
      checkUnit: (ctx) => {
        if (ctx.unit.name.name !== "app.service") return;
        const db = ctx.set.byName.get("db.service");
        const at = db?.last("Service", "Type") ?? db?.assignments[0];
        if (at) ctx.report({ messageId: "m", data: { text: "see db" }, file: at.file, range: at.entry.range });
      },
    });
    const ruleSet = [...allRules, unitProbe, setProbe, greedyProbe, pointer];
    const lint = (sources: LintSource[], cache?: LintCache) => lintSources(sources, { ruleSet, settings: { now: NOW }, ...(cache ? { cache } : {}) });
    const replace = (path: string, text: string) => SOURCES.map((s) => (s.path === path ? { path, text } : s));

    function afterEdit(edited: LintSource[]) {
      const cache = new MemoryCache();
      lint(SOURCES, cache);
      [units, sets, wholeSet] = [[], 0, []];
      const result = lint(edited, cache);
      const seen = { units: units.sort(), sets, wholeSet: wholeSet.sort() };
      [units, sets, wholeSet] = [[], 0, []];
      expect(norm(result)).toBe(norm(lint(edited)));
      return seen;
    }

    it("an edit the other units' rules cannot see reruns the edited unit's rules only, and no set rule", () => {
      // db.service's command changes: no other unit's rules read it. app.service's rules run again only because
      // one of them (test/pointer) reported in db.service's file; the rule that reads anything of others reruns on all.
      const seen = afterEdit(replace("db.service", "[Service]\nExecStart=/usr/bin/db --fast\nStandardOutput=syslog\n"));
      expect(seen).toEqual({ units: ["app.service", "db.service"], sets: 0, wholeSet: ["app.service", "db.service", "nightly.service", "nightly.timer"] });
    });

    it("an edit other units' rules read (a dependency) reruns every unit's rules and the set rules", () => {
      const seen = afterEdit(replace("db.service", "[Unit]\nWants=nightly.service\n[Service]\nExecStart=/usr/bin/db\nStandardOutput=syslog\n"));
      expect(seen.units).toEqual(["app.service", "db.service", "nightly.service", "nightly.timer"]);
      expect(seen.sets).toBe(1);
    });

    it("a finding in another unit's file is found again when that file moves its lines", () => {
      const cache = new MemoryCache();
      const before = lint(SOURCES, cache).findings.find((f) => f.rule === "test/pointer")!;
      // two lines above db.service's settings: app.service's finding there moves with them
      const edited = replace("db.service", "# db\n# its settings\n" + SOURCES[1]!.text);
      units = [];
      const after = lint(edited, cache);
      expect(units).toContain("app.service");
      const moved = after.findings.find((f) => f.rule === "test/pointer")!;
      expect([before.file, before.line, moved.file, moved.line]).toEqual(["db.service", 2, "db.service", 4]);
      expect(norm(after)).toBe(norm(lint(edited)));
    });

    it("a warm run keeps the per-unit entries for the next edit", () => {
      const cache = new MemoryCache();
      lint(SOURCES, cache);
      const kept = [...cache.entries.keys()];
      expect(lint(SOURCES, cache).files).toHaveLength(0);
      expect(kept.every((k) => cache.entries.has(k))).toBe(true);
    });
  });
});
