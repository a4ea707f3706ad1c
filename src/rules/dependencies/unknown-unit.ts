import { editDistance } from "../../core/suggest.js";
import { SPECIAL_UNITS } from "../../knowledge/special-units.js";
import { SYSTEMD_SYSTEM_UNITS, SYSTEMD_USER_UNITS } from "../../knowledge/systemd-units.generated.js";
import { parseUnitName, UNIT_TYPES, type UnitType } from "../../model/unit-name.js";
import { resolveUnit, type UnitSet } from "../../model/unit-set.js";
import { valueSubRange } from "../../parser/unit/index.js";
import { splitWords } from "../../values/words.js";
import { defineRule } from "../types.js";
import { OBSOLETE_UNITS } from "../values/deprecated-value.js";

/**
 * Dependencies that need the other unit to exist. Ordering (After=/Before=)
 * and Conflicts= are left out: they are no-ops against a unit that is not
 * there, and distribution units order against optional units on purpose
 * (`After=plymouth-quit-wait.service`, `After=NetworkManager.service`).
 */
const KEYS: [string, string][] = [
  ["Unit", "Wants"],
  ["Unit", "Requires"],
  ["Unit", "Requisite"],
  ["Unit", "BindsTo"],
  ["Unit", "PartOf"],
  ["Unit", "Upholds"],
  ["Unit", "OnFailure"],
  ["Unit", "OnSuccess"],
  ["Unit", "PropagatesReloadTo"],
  ["Unit", "ReloadPropagatedFrom"],
  ["Install", "WantedBy"],
  ["Install", "RequiredBy"],
  ["Install", "UpheldBy"],
  ["Install", "Also"],
];
/** Keys whose missing unit makes the job of the unit itself fail, rather than being skipped. */
const HARD = new Set(["Requires", "Requisite", "BindsTo"]);

/**
 * Unit types that often have no unit file anywhere: devices come from udev, mount/swap/automount units from
 * /etc/fstab (systemd-fstab-generator: tmp.mount, home.mount, sysroot.mount), scopes and slices are made at run time.
 */
const FILELESS: ReadonlySet<UnitType> = new Set(["device", "mount", "swap", "automount", "scope", "slice"]);

const KNOWN = new Set([...SPECIAL_UNITS, ...SYSTEMD_SYSTEM_UNITS, ...SYSTEMD_USER_UNITS, ...Object.keys(OBSOLETE_UNITS)]);

/** The names a typo is compared with (systemd's units and the set's own, and the declared external ones), by lower-case name. */
interface CandidateIndex {
  byLower: Map<string, string>;
  /** type → lower-case stem → the name */
  byTypeStem: Map<string, Map<string, string>>;
  /** lower-case stem → a name with that stem (`network-online` → network-online.target) */
  byStem: Map<string, string>;
  /** every character of a candidate's stem: the alphabet typo variants are made from */
  alphabet: string[];
  /** likelyMeant's answers so far: the same absent names (plymouth-quit.service) recur across a set's units */
  meant: Map<string, string | undefined>;
}

function candidateIndex(names: Iterable<string>): CandidateIndex {
  const idx: CandidateIndex = { byLower: new Map(), byTypeStem: new Map(), byStem: new Map(), alphabet: [], meant: new Map() };
  const chars = new Set<string>();
  for (const name of names) {
    const n = parseUnitName(name);
    if (!n.type) continue;
    const lower = name.toLowerCase();
    if (!idx.byLower.has(lower)) idx.byLower.set(lower, name);
    const stem = n.stem.toLowerCase();
    if (!idx.byStem.has(stem)) idx.byStem.set(stem, name);
    let stems = idx.byTypeStem.get(n.type);
    if (!stems) idx.byTypeStem.set(n.type, (stems = new Map()));
    if (!stems.has(stem)) stems.set(stem, name);
    for (const c of stem) chars.add(c);
  }
  idx.alphabet = [...chars].sort();
  return idx;
}

const indexes = new WeakMap<UnitSet, CandidateIndex>();
const aliasSets = new WeakMap<UnitSet, Set<string>>();

/** The names the set's units take through `[Install] Alias=` (chrony.service is also chronyd.service once enabled). */
function aliasesOf(set: UnitSet): Set<string> {
  let a = aliasSets.get(set);
  if (!a) {
    a = new Set();
    for (const u of set.units) for (const v of u.list("Install", "Alias")) for (const w of splitWords(v.value).words) a.add(w.text);
    aliasSets.set(set, a);
  }
  return a;
}

function indexOf(set: UnitSet, external: string[]): CandidateIndex {
  let c = indexes.get(set);
  if (!c) indexes.set(set, (c = candidateIndex(new Set([...KNOWN, ...set.byName.keys(), ...external]))));
  return c;
}

function known(set: UnitSet, external: Set<string>, name: string): boolean {
  if (KNOWN.has(name) || external.has(name) || resolveUnit(set, name) || aliasesOf(set).has(name)) return true;
  const n = parseUnitName(name);
  // getty@tty2.service: an instance of systemd's getty@.service
  return !!n.template && (KNOWN.has(n.template) || external.has(n.template));
}

/** Unit types that come beside a service of the same name, so their stem matching another unit says nothing. */
const COMPANIONS: ReadonlySet<UnitType> = new Set(["socket", "timer", "path"]);

/** Strings one edit (deletion, insertion, substitution, swap of neighbours) away from `s`. */
function* oneEditAway(s: string, alphabet: string[]): Generator<string> {
  for (let i = 0; i < s.length; i++) {
    yield s.slice(0, i) + s.slice(i + 1);
    if (i + 1 < s.length) yield s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
    for (const c of alphabet) if (c !== s[i]) yield s.slice(0, i) + c + s.slice(i + 1);
  }
  for (let i = 0; i <= s.length; i++) for (const c of alphabet) yield s.slice(0, i) + c + s.slice(i);
}

/** The unit type a misspelt suffix most likely means (`servic`, `targt`, `Service`). */
function closestType(suffix: string): UnitType | undefined {
  let best: UnitType | undefined;
  let bestD = 3;
  for (const t of UNIT_TYPES) {
    const d = editDistance(suffix.toLowerCase(), t, bestD);
    if (d < bestD) [best, bestD] = [t, d];
  }
  return best;
}

/**
 * The known unit a name most likely misspells: the same stem with another type (`network-online.service` →
 * `network-online.target`), a misspelt type suffix (`db.servce`, `multi-user.targt`), a different letter case,
 * or a stem one edit (a letter missing, added, changed, or two neighbours swapped) away from a known unit of the same type.
 * Variants of the name are looked up, so the cost does not grow with the set.
 */
function likelyMeant(name: string, idx: CandidateIndex): string | undefined {
  if (idx.meant.has(name)) return idx.meant.get(name);
  const answer = closestKnown(name, idx);
  idx.meant.set(name, answer);
  return answer;
}

function closestKnown(name: string, idx: CandidateIndex): string | undefined {
  const n = parseUnitName(name);
  let stem: string;
  let type: UnitType;
  if (n.type) {
    stem = n.stem.toLowerCase();
    type = n.type;
    // network-online.service for network-online.target. A socket, timer or path unit is a service's companion: it
    // may stand for that service (db.socket when only db.service exists), but not for a unit of another kind that
    // another package's companion happens to share a stem with (Wants=rpcbind.socket beside systemd's rpcbind.target)
    const same = idx.byStem.get(stem);
    if (same && same !== name && (!COMPANIONS.has(type) || same.endsWith(".service"))) return same;
  } else {
    const dot = name.lastIndexOf(".");
    const t = dot > 0 ? closestType(name.slice(dot + 1)) : undefined;
    if (!t) return undefined;
    stem = name.slice(0, dot).toLowerCase();
    type = t;
    const exact = idx.byLower.get(`${stem}.${type}`);
    if (exact) return exact;
    // getty@tty1.servce: an instance of a known template
    const fixed = `${name.slice(0, dot)}.${type}`;
    const template = parseUnitName(fixed).template;
    if (template && idx.byLower.has(template.toLowerCase())) return fixed;
  }
  const stems = idx.byTypeStem.get(type);
  if (stem.length < 3 || !stems) return undefined;
  for (const v of oneEditAway(stem, idx.alphabet)) {
    const hit = stems.get(v);
    if (hit && hit !== name && parseUnitName(hit).isTemplate === n.isTemplate) return hit;
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: "dependencies/unknown-unit",
    family: "dependencies",
    severity: "warning",
    fixable: "none",
    messages: {
      typo: "{key}={unit}: no such unit in the checked units nor among systemd's own; did you mean {suggestion}? {consequence}",
      unknown:
        "{key}={unit}: {unit} is not among the checked units, systemd's own units nor the declared external units (`externalUnits`, --external); {consequence}",
    },
    docs: {
      summary: "A requirement dependency (`Wants=`, `Requires=`, `BindsTo=`, `WantedBy=`…) on a unit name that looks like a misspelling of a unit that exists.",
      rationale:
        'A misspelt unit name in `Wants=` is silently ignored by systemd (the dependency simply does not exist); in `Requires=` or `BindsTo=` it makes the unit itself fail to start ("Unit not found"). ' +
        "The rule compares unknown names with the checked units and with every unit systemd 252 ships (generated from its `units/` folder by `scripts/gen-systemd-units.mjs`), and reports a name one edit away from one of them (a letter missing, added or changed, two neighbours swapped), in another letter case, or with a misspelt or wrong type suffix. " +
        "It says nothing about names that are merely absent: units of other packages (a socket, timer or path unit is compared only with the service of its stem, not with a target or another unit that shares the stem), names a checked unit takes through `[Install] Alias=`, `.device` units (udev makes them), mount and swap units (systemd-fstab-generator makes them from /etc/fstab), slices and scopes. " +
        "Ordering (`After=`/`Before=`) and `Conflicts=` are never reported: they are no-ops against a unit that is not installed, and distribution units order against optional units on purpose. " +
        "When `externalUnits` (or `--external`) lists the units the target host provides, every other name in a requirement dependency is reported as well (at info level).",
      bad: { filename: "app.service", text: "[Unit]\nWants=network-online.targt\nAfter=network-online.target\n\n[Service]\nExecStart=/usr/bin/app\n" },
      good: { filename: "app.service", text: "[Unit]\nWants=network-online.target\nAfter=network-online.target\n\n[Service]\nExecStart=/usr/bin/app\n" },
      reference: "systemd.unit(5), systemd.special(7)",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    const declared = ctx.settings.externalUnits;
    const external = new Set(declared);
    for (const [section, key] of KEYS) {
      for (const a of u.list(section, key)) {
        for (const w of splitWords(a.value).words) {
          const name = w.text;
          if (name.includes("%") || name.includes("$") || known(ctx.set, external, name)) continue;
          const type = parseUnitName(name).type;
          if (type && FILELESS.has(type)) continue;
          const consequence = HARD.has(key)
            ? `systemd fails to start ${u.name.name} when the unit does not exist`
            : section === "Install"
              ? "`systemctl enable` then links the unit into the .wants/ (or .requires/) folder of a unit that does not exist, and nothing starts it"
              : "systemd ignores the dependency when the unit does not exist";
          const suggestion = likelyMeant(name, indexOf(ctx.set, declared));
          const range = valueSubRange(a.entry, w.from, w.to);
          if (suggestion) ctx.report({ messageId: "typo", data: { key, unit: name, suggestion, consequence }, file: a.file, range });
          else if (declared.length > 0) ctx.report({ messageId: "unknown", data: { key, unit: name, consequence }, file: a.file, range, severity: "info" });
        }
      }
    }
  },
});
