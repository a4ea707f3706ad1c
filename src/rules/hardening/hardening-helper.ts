import type { EffectiveUnit } from "../../model/effective-unit.js";
import type { UnitFile } from "../../model/unit-file.js";
import type { Range } from "../../core/range.js";
import { SECURITY_CHECKS, assessUnit, formatExposure, type Assessment } from "../../hardening/assess.js";
import { EXEC_SECTIONS, loadSandbox, type Sandbox } from "../../hardening/sandbox.js";
import { unitTraits, type UnitTraits } from "../../hardening/traits.js";
import { defineRule, type Rule, type RuleDocs } from "../types.js";

/**
 * An assessment as the cache keeps it: the 81 check results as two small
 * typed arrays and the descriptions (nearly all shared constants). Every
 * service's assessment stays cached for the whole run, since each hardening
 * rule runs over all units in turn; as objects they were about 23 KiB per
 * service, most of `check`'s memory on large sets.
 */
interface CompactAssessment {
  unit: string;
  exposure: number;
  rating: Assessment["rating"];
  sandbox: Assessment["sandbox"];
  /** badness per check, -1 for not applicable */
  badness: Int8Array;
  /** share of the exposure in tenths per check, -1 for none */
  shares: Int16Array;
  descriptions: string[];
}

const traits = new WeakMap<EffectiveUnit, UnitTraits | null>();

const cache = new WeakMap<EffectiveUnit, CompactAssessment | null>();

function compact(a: Assessment): CompactAssessment {
  return {
    unit: a.unit,
    exposure: a.exposure,
    rating: a.rating,
    sandbox: a.sandbox,
    badness: Int8Array.from(a.checks, (c) => c.badness ?? -1),
    shares: Int16Array.from(a.checks, (c) => c.exposure ?? -1),
    descriptions: a.checks.map((c) => c.description),
  };
}

function cached(u: EffectiveUnit, mode: "system" | "user"): CompactAssessment | null {
  let c = cache.get(u);
  if (c === undefined) {
    const a = assessUnit(u, mode);
    cache.set(u, (c = a && compact(a)));
  }
  return c;
}

/** The unit's exposure assessment, computed once per unit and shared by every hardening rule. */
export function assessmentOf(u: EffectiveUnit, mode: "system" | "user" = "system"): Assessment | null {
  const c = cached(u, mode);
  if (!c) return null;
  const checks = SECURITY_CHECKS.map((check, i) => ({
    check,
    badness: c.badness[i]! < 0 ? null : c.badness[i]!,
    description: c.descriptions[i]!,
    exposure: c.shares[i]! < 0 ? null : c.shares[i]!,
  }));
  return { unit: c.unit, exposure: c.exposure, rating: c.rating, checks, sandbox: c.sandbox };
}

const sandboxes = new WeakMap<EffectiveUnit, Sandbox | null>();

/**
 * The unit's sandbox alone, for rules that read a setting or two of it: the
 * whole assessment (81 checks) is the most expensive thing a run does per
 * service, and rules on by default must not pay it for every unit.
 */
export function sandboxOf(u: EffectiveUnit, mode: "system" | "user" = "system"): Sandbox | null {
  const c = cache.get(u);
  if (c !== undefined) return c && c.sandbox;
  let s = sandboxes.get(u);
  if (s === undefined) sandboxes.set(u, (s = loadSandbox(u, mode)));
  return s;
}

export function traitsOf(u: EffectiveUnit, mode: "system" | "user" = "system"): UnitTraits | null {
  let t = traits.get(u);
  if (t === undefined) {
    const sandbox = sandboxOf(u, mode);
    traits.set(u, (t = sandbox && unitTraits(u, sandbox)));
  }
  return t;
}

/** Where a missing setting is reported: the header of the unit's [Service] (or [Socket]…) section, in the unit file if it has one. */
export function sectionAnchor(u: EffectiveUnit): { file: UnitFile; range: Range; insertAt: number; needsNewline: boolean } | null {
  const name = EXEC_SECTIONS[u.type ?? ""];
  if (!name) return null;
  for (const file of u.files) {
    const sections = file.ast.sections.filter((s) => s.name === name && !s.header.problem);
    const last = sections[sections.length - 1];
    if (!last) continue;
    const end = last.fullRange.end;
    const text = file.source.text;
    return { file, range: sections[0]!.header.range, insertAt: end, needsNewline: end > 0 && text[end - 1] !== "\n" && text[end - 1] !== "\r" };
  }
  return null;
}

interface SettingRuleSpec {
  id: string;
  /** The directive the rule is about. */
  setting: string;
  /** JSON fields of the exposure checks that must be secure. */
  checks: string[];
  /** The line(s) the fix adds. */
  recommended: string[];
  /** Why it matters, and what it could break: the middle of the message. */
  what: string;
  /** Lowest badness that counts as weak (default 1: anything short of secure). */
  minBadness?: number;
  /** Skip units whose own text shows the setting would break them. */
  skip?: (t: UnitTraits) => boolean;
  docs: Omit<RuleDocs, "fix">;
}

/**
 * A hardening rule for one setting: off by default, on in the `hardening`
 * preset. It reports when the exposure checks it covers are not secure, on the
 * weak assignment if there is one, else on the section header, and offers the
 * recommended line as an unsafe fix (hardening can break a service).
 */
export function settingRule(spec: SettingRuleSpec): Rule {
  return defineRule({
    meta: {
      id: spec.id,
      family: "hardening",
      severity: "off",
      presets: ["hardening"],
      unitTypes: ["service"],
      fixable: "unsafe",
      messages: {
        weak: `{setting} {why} ({share} of the exposure score). ${spec.what} Use {fix}`,
      },
      docs: {
        ...spec.docs,
        fix: `Sets ${spec.recommended.join(" and ")} (unsafe: hardening can break a service that relies on what it forbids; run \`unitlint harden\` for a whole drop-in).`,
      },
    },
    checkUnit(ctx) {
      const u = ctx.unit;
      if (!u.main) return;
      const a = assessmentOf(u, ctx.settings.mode);
      if (!a) return;
      const weak = a.checks.filter((c) => spec.checks.includes(c.check.jsonField) && (c.badness ?? 0) >= (spec.minBadness ?? 1));
      if (weak.length === 0) return;
      const t = traitsOf(u, ctx.settings.mode);
      if (t && spec.skip?.(t)) return;
      const share = weak.reduce((n, c) => n + (c.exposure ?? 0), 0);
      const section = EXEC_SECTIONS[u.type ?? ""]!;
      // the recommended lines that change something, each with the assignment it would replace
      const changes = spec.recommended
        .map((line) => ({ line, key: line.slice(0, line.indexOf("=")), value: line.slice(line.indexOf("=") + 1) }))
        .filter((c) => u.get(section, c.key) !== c.value)
        .map((c) => ({ ...c, at: u.all(section, c.key).at(-1) }));
      const todo = changes.length ? changes : spec.recommended.map((line) => ({ line, key: line.slice(0, line.indexOf("=")), value: "", at: undefined }));
      const explicit = todo.find((c) => c.at && c.key === spec.setting)?.at ?? todo.find((c) => c.at)?.at;
      const d = weak[0]!.description;
      const consequence = /^(May|Has|Sees|Shares|Runs|Gets) /.test(d)
        ? `the service ${d[0]!.toLowerCase()}${d.slice(1)}`
        : `${d[0]!.toLowerCase()}${d.slice(1)}`;
      const state = !explicit ? "is not set" : explicit.value === "" ? "is reset to its default" : `is ${explicit.value}`;
      const data = {
        setting: `${explicit ? explicit.key : spec.setting}=`,
        why: `${state}: ${consequence}`,
        share: formatExposure(share),
        fix: spec.recommended.join(" + "),
      };
      const anchor = sectionAnchor(u);
      const edits: Array<{ start: number; end: number; text: string }> = [];
      const inserted: string[] = [];
      let editFile = anchor?.file;
      for (const c of todo) {
        if (c.at && c.at.file === anchor?.file) edits.push({ start: c.at.entry.range.start, end: c.at.entry.range.end, text: c.line });
        else inserted.push(c.line);
      }
      if (inserted.length && anchor)
        edits.push({ start: anchor.insertAt, end: anchor.insertAt, text: `${anchor.needsNewline ? "\n" : ""}${inserted.join("\n")}\n` });
      const where =
        explicit && u.files.includes(explicit.file)
          ? { file: explicit.file, range: explicit.entry.range }
          : anchor
            ? { file: anchor.file, range: anchor.range }
            : null;
      if (!where) return;
      if (explicit && explicit.file !== anchor?.file) editFile = undefined; // a weak line in a drop-in: no single-file fix
      const fixText = todo.map((c) => c.line).join(", ");
      ctx.report({
        messageId: "weak",
        data,
        file: where.file,
        range: where.range,
        ...(editFile && edits.length && editFile === where.file
          ? { fix: { description: `Set ${fixText}`, safe: false, edits: edits.sort((x, y) => x.start - y.start) } }
          : {}),
      });
    },
  });
}
