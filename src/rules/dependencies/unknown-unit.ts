import { editDistance } from "../../core/suggest.js";
import { SPECIAL_UNITS } from "../../knowledge/special-units.js";
import { SYSTEMD_SYSTEM_UNITS, SYSTEMD_USER_UNITS } from "../../knowledge/systemd-units.generated.js";
import { parseUnitName, type UnitType } from "../../model/unit-name.js";
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
  ["Unit", "Wants"], ["Unit", "Requires"], ["Unit", "Requisite"], ["Unit", "BindsTo"], ["Unit", "PartOf"], ["Unit", "Upholds"],
  ["Unit", "OnFailure"], ["Unit", "OnSuccess"], ["Unit", "PropagatesReloadTo"], ["Unit", "ReloadPropagatedFrom"],
  ["Install", "WantedBy"], ["Install", "RequiredBy"], ["Install", "UpheldBy"], ["Install", "Also"],
];
/** Keys whose missing unit makes the job of the unit itself fail, rather than being skipped. */
const HARD = new Set(["Requires", "Requisite", "BindsTo"]);

/**
 * Unit types that often have no unit file anywhere: devices come from udev, mount/swap/automount units from
 * /etc/fstab (systemd-fstab-generator: tmp.mount, home.mount, sysroot.mount), scopes and slices are made at run time.
 */
const FILELESS: ReadonlySet<UnitType> = new Set(["device", "mount", "swap", "automount", "scope", "slice"]);

const KNOWN = new Set([...SPECIAL_UNITS, ...SYSTEMD_SYSTEM_UNITS, ...SYSTEMD_USER_UNITS, ...Object.keys(OBSOLETE_UNITS)]);

/** Names a typo is compared with, per set: systemd's units and the set's own (built once). */
const candidates = new WeakMap<UnitSet, string[]>();

function candidatesOf(set: UnitSet, external: string[]): string[] {
  let c = candidates.get(set);
  if (!c) candidates.set(set, (c = [...new Set([...KNOWN, ...set.byName.keys(), ...external])]));
  return c;
}

function known(set: UnitSet, external: Set<string>, name: string): boolean {
  if (KNOWN.has(name) || external.has(name) || resolveUnit(set, name)) return true;
  const n = parseUnitName(name);
  // getty@tty2.service: an instance of systemd's getty@.service
  return !!n.template && (KNOWN.has(n.template) || external.has(n.template));
}

/**
 * The known unit a name most likely misspells: same stem with another type (`network-online.service` →
 * `network-online.target`), or the same type and a stem at most two edits (a quarter of its length) away.
 */
export function likelyMeant(name: string, pool: Iterable<string>): string | undefined {
  const n = parseUnitName(name);
  // without a valid suffix (`db.servce`, `multi-user.targt`) the whole names are compared
  const mine = (n.type ? n.stem : name).toLowerCase();
  const max = Math.min(2, Math.max(1, Math.floor(mine.length / 4)));
  let best: string | undefined;
  let bestD = max + 1;
  for (const c of pool) {
    const m = parseUnitName(c);
    if (!m.type || c === name) continue;
    if (n.type) {
      const cs = m.stem.toLowerCase();
      if (cs === mine) return c;
      if (m.type !== n.type || m.isTemplate !== n.isTemplate) continue;
      const d = editDistance(mine, cs, bestD);
      if (d < bestD) [best, bestD] = [c, d];
    } else {
      const d = editDistance(mine, c.toLowerCase(), bestD);
      if (d < bestD) [best, bestD] = [c, d];
    }
  }
  return best;
}

export default defineRule({
  meta: {
    id: "dependencies/unknown-unit",
    family: "dependencies",
    severity: "warning",
    fixable: "none",
    messages: {
      typo: "{key}={unit}: no such unit in the checked units nor among systemd's own; did you mean {suggestion}? {consequence}",
      unknown: "{key}={unit}: {unit} is not among the checked units, systemd's own units nor the declared external units (`externalUnits`, --external); {consequence}",
    },
    docs: {
      summary: "A requirement dependency (`Wants=`, `Requires=`, `BindsTo=`, `WantedBy=`…) on a unit name that looks like a misspelling of a unit that exists.",
      rationale:
        "A misspelt unit name in `Wants=` is silently ignored by systemd (the dependency simply does not exist); in `Requires=` or `BindsTo=` it makes the unit itself fail to start (\"Unit not found\"). " +
        "The rule compares unknown names with the checked units and with every unit systemd 252 ships (generated from its `units/` folder by `scripts/gen-systemd-units.mjs`), and reports a name one or two letters away from one of them, or one with the wrong type suffix. " +
        "It says nothing about names that are merely absent: units of other packages, `.device` units (udev makes them), mount and swap units (systemd-fstab-generator makes them from /etc/fstab), slices and scopes. " +
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
          const consequence = HARD.has(key) ? `systemd fails to start ${u.name.name} when the unit does not exist` : "systemd ignores the dependency when the unit does not exist";
          const suggestion = likelyMeant(name, candidatesOf(ctx.set, declared));
          const range = valueSubRange(a.entry, w.from, w.to);
          if (suggestion) ctx.report({ messageId: "typo", data: { key, unit: name, suggestion, consequence }, file: a.file, range });
          else if (declared.length > 0) ctx.report({ messageId: "unknown", data: { key, unit: name, consequence }, file: a.file, range, severity: "info" });
        }
      }
    }
  },
});
