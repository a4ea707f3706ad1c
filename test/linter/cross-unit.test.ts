import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { findFixtureDirs, loadFixture } from "../helpers/fixtures.js";
import { readAcrossUnits } from "../../src/linter/cross-unit.js";
import { defaultSettings } from "../../src/linter/configs.js";
import { parseFile } from "../../src/model/unit-file.js";
import { buildUnitSet, type UnitSet } from "../../src/model/unit-set.js";
import { scheduleKindOf } from "../../src/model/schedule-file.js";
import { allRules } from "../../src/rules/registry.js";
import { optionsOf, type Report, type Rule } from "../../src/rules/types.js";

/**
 * The contract `check --cache` relies on to reuse a unit's findings after an
 * edit elsewhere (src/linter/cross-unit.ts): a unit rule reads of the other
 * units only what `readAcrossUnits` keeps, unless its meta says
 * `readsOtherUnits`, and a set rule reads only that of every unit. Checked by
 * blanking every other assignment line (spaces, so no offset moves) of the
 * other units (for set rules: of all units): the findings must not change.
 * A rule that fails here reads more of other units: widen `readAcrossUnits`,
 * or give the rule `readsOtherUnits: "anything"`.
 *
 * Also what `check` relies on to skip the rules of units it reads only for
 * context: a unit rule reports in its own unit's files, unless its meta says
 * `reportsInOtherUnits`.
 */

const settings = defaultSettings({ now: Date.UTC(2026, 11, 6, 9, 30) });
type Source = { path: string; text: string };

function blanked(s: Source): string {
  const chars = s.text.split("");
  for (const section of parseFile(s.path, s.text).ast.sections)
    for (const e of section.entries) {
      if (readAcrossUnits(section.name, e.key, e.value)) continue;
      for (let i = e.fullRange.start; i < e.fullRange.end; i++) if (chars[i] !== "\n" && chars[i] !== "\r") chars[i] = " ";
    }
  return chars.join("");
}

const shown = (rule: Rule, r: Report) =>
  JSON.stringify([rule.meta.id, r.messageId, r.data, r.file.path, r.range, r.related?.map((x) => [x.file.path, x.range, x.message])]);

function unitFindings(set: UnitSet, index: number, rules: Rule[]): string[] {
  const unit = set.units[index]!;
  const out: string[] = [];
  for (const rule of rules) {
    if (rule.meta.unitTypes && (!unit.type || !rule.meta.unitTypes.includes(unit.type))) continue;
    rule.checkUnit!({ settings, options: optionsOf(rule, settings), set, unit, report: (r) => out.push(shown(rule, r)) });
  }
  return out.sort();
}

function setFindings(set: UnitSet, rules: Rule[]): string[] {
  const out: string[] = [];
  for (const rule of rules) rule.checkSet!({ settings, options: optionsOf(rule, settings), set, report: (r) => out.push(shown(rule, r)) });
  return out.sort();
}

const unitRules = allRules.filter((r) => r.checkUnit && r.meta.readsOtherUnits === undefined);
const setRules = allRules.filter((r) => r.checkSet);

/** Every unit's findings with the other units blanked, and the set rules' with all blanked, against the whole set's. */
function differences(sources: Source[]): string[] {
  const units = sources.filter((s) => scheduleKindOf(s.path, s.text) === undefined);
  const set = buildUnitSet(units.map((s) => parseFile(s.path, s.text)));
  const blank = new Map(units.map((s) => [s.path, blanked(s)]));
  const out: string[] = [];
  for (const [i, unit] of set.units.entries()) {
    const own = new Set(unit.files.map((f) => f.path));
    const view = buildUnitSet(units.map((s) => parseFile(s.path, own.has(s.path) ? s.text : blank.get(s.path)!)));
    const whole = unitFindings(set, i, unitRules);
    const seen = unitFindings(view, i, unitRules);
    for (const f of whole) if (!seen.includes(f)) out.push(`${unit.name.name}: only with the other units whole: ${f}`);
    for (const f of seen) if (!whole.includes(f)) out.push(`${unit.name.name}: only with the other units blanked: ${f}`);
  }
  const whole = setFindings(set, setRules);
  const seen = setFindings(buildUnitSet(units.map((s) => parseFile(s.path, blank.get(s.path)!))), setRules);
  for (const f of whole) if (!seen.includes(f)) out.push(`set rules: only with the units whole: ${f}`);
  for (const f of seen) if (!whole.includes(f)) out.push(`set rules: only with the units blanked: ${f}`);
  return out;
}

/** Findings of unit rules without `reportsInOtherUnits` in files (or fixes) of a unit other than the one checked. */
function reportsElsewhere(sources: Source[]): string[] {
  const units = sources.filter((s) => scheduleKindOf(s.path, s.text) === undefined);
  const set = buildUnitSet(units.map((s) => parseFile(s.path, s.text)));
  const out: string[] = [];
  for (const unit of set.units) {
    const own = new Set(unit.files.map((f) => f.path));
    for (const rule of allRules) {
      if (!rule.checkUnit || rule.meta.reportsInOtherUnits) continue;
      if (rule.meta.unitTypes && (!unit.type || !rule.meta.unitTypes.includes(unit.type))) continue;
      rule.checkUnit({
        settings,
        options: optionsOf(rule, settings),
        set,
        unit,
        report: (r) => {
          const files = [r.file.path, r.fix?.file, ...(r.suggestions ?? []).map((x) => x.file)];
          for (const f of files) if (f !== undefined && !own.has(f)) out.push(`${rule.meta.id} on ${unit.name.name} reports in ${f}`);
        },
      });
    }
  }
  return out;
}

function filesUnder(dir: string): Source[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ path: relative(dir, path), text: readFileSync(path, "latin1") }));
}

describe("what rules read of other units and where they report (the contracts of check --cache and of context files)", () => {
  it("the blanking keeps what rules read across units and blanks the rest", () => {
    const text = "[Unit]\nWants=db.service\n[Service]\nType=oneshot\nExecStart=/usr/bin/app\nExecStartPost=/bin/cp out /tmp/x\nUser=app\n";
    const b = blanked({ path: "app.service", text });
    expect(b.split("\n")).toEqual([
      "[Unit]",
      "Wants=db.service",
      "[Service]",
      "Type=oneshot",
      " ".repeat(22),
      "ExecStartPost=/bin/cp out /tmp/x",
      " ".repeat(8),
      "",
    ]);
  });

  it("finds a rule that reads more: a probe reading others' User= fails the contract", () => {
    const probe = {
      meta: { ...allRules[0]!.meta, id: "test/probe", unitTypes: undefined, messages: { m: "{u}" } },
      checkUnit: (ctx) => {
        for (const o of ctx.set.units)
          if (o !== ctx.unit && o.get("Service", "User"))
            ctx.report({ messageId: "m", data: { u: o.name.name }, file: ctx.unit.files[0]!, range: { start: 0, end: 0 } });
      },
    } as Rule;
    const sources = [
      { path: "a.service", text: "[Service]\nExecStart=/bin/a\n" },
      { path: "b.service", text: "[Service]\nExecStart=/bin/b\nUser=b\n" },
    ];
    const set = buildUnitSet(sources.map((s) => parseFile(s.path, s.text)));
    const view = buildUnitSet([parseFile("a.service", sources[0]!.text), parseFile("b.service", blanked(sources[1]!))]);
    expect(unitFindings(set, 0, [probe])).not.toEqual(unitFindings(view, 0, [probe]));
  });

  describe.each(findFixtureDirs().map((dir) => [relative(process.cwd(), dir), dir]))("%s", (_name, dir) => {
    it("unit and set rules find the same with other units blanked", () => {
      expect(differences(loadFixture(dir).sources)).toEqual([]);
    });
    it("unit rules report in their own unit's files, unless they say otherwise", () => {
      expect(reportsElsewhere(loadFixture(dir).sources)).toEqual([]);
    });
  });

  it.each(["gwcelery", "it-glue", "onetime-secret", "sidekiq"])("examples/%s: unit and set rules find the same with other units blanked", (name) => {
    expect(differences(filesUnder(join("examples", name)))).toEqual([]);
    expect(reportsElsewhere(filesUnder(join("examples", name)))).toEqual([]);
  });

  // The distribution's own units, where present: a few hundred units of every type (the corpus of the differential tests).
  it.skipIf(!existsSync("/lib/systemd/system"))(
    "this machine's /lib/systemd/system: the same with other units blanked",
    () => {
      const dir = "/lib/systemd/system";
      const sources = readdirSync(dir)
        .filter((n) => statSync(join(dir, n)).isFile())
        .map((n) => ({ path: join(dir, n), text: readFileSync(join(dir, n), "latin1") }));
      expect(differences(sources)).toEqual([]);
      expect(reportsElsewhere(sources)).toEqual([]);
    },
    600_000,
  );
});
