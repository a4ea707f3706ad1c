import { SPECIAL_UNITS } from "../../knowledge/special-units.js";
import { resolveUnit } from "../../model/unit-set.js";
import { valueSubRange } from "../../parser/unit/index.js";
import { splitWords } from "../../values/words.js";
import { defineRule } from "../types.js";
import { OBSOLETE_UNITS } from "../values/deprecated-value.js";

const KEYS: [string, string][] = [
  ["Unit", "Wants"], ["Unit", "Requires"], ["Unit", "Requisite"], ["Unit", "BindsTo"], ["Unit", "PartOf"], ["Unit", "Upholds"],
  ["Unit", "After"], ["Unit", "Before"], ["Unit", "OnFailure"], ["Unit", "OnSuccess"], ["Unit", "Conflicts"],
  ["Install", "WantedBy"], ["Install", "RequiredBy"], ["Install", "Also"],
];
const SPECIAL = new Set(SPECIAL_UNITS);

export default defineRule({
  meta: {
    id: "dependencies/unknown-unit",
    family: "dependencies",
    severity: "info",
    fixable: "none",
    messages: {
      unknown: "{key}={unit}: {unit} is not among the checked units nor one of systemd's special units; declare it external (--external, or `externalUnits` in config) if the target host has it",
    },
    docs: {
      summary: "A dependency on a unit that is neither in the checked folder, nor a systemd special unit, nor declared external.",
      rationale:
        "A misspelt unit name in Wants=/After= is silently ignored by systemd: the dependency simply does not exist. Declaring the units the host provides (redis.service, rabbitmq-server.service...) as external makes every other name a checked one.",
      bad: { filename: "app.service", text: "[Unit]\nWants=redis-sever.service\n\n[Service]\nExecStart=/usr/bin/app\n" },
      good: { filename: "app.service", text: "[Unit]\nWants=network-online.target\nAfter=network-online.target\n\n[Service]\nExecStart=/usr/bin/app\n" },
      reference: "systemd.unit(5), systemd.special(7)",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    const external = new Set(ctx.settings.externalUnits);
    for (const [section, key] of KEYS) {
      for (const a of u.list(section, key)) {
        for (const w of splitWords(a.value).words) {
          const name = w.text;
          // obsolete units (syslog.target) are values/deprecated-value's finding
          if (name.includes("%") || SPECIAL.has(name) || name in OBSOLETE_UNITS || external.has(name) || resolveUnit(ctx.set, name)) continue;
          ctx.report({ messageId: "unknown", data: { key, unit: name }, file: a.file, range: valueSubRange(a.entry, w.from, w.to) });
        }
      }
    }
  },
});
