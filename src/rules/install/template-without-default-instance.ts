import { SYSTEMD_SYSTEM_UNITS, SYSTEMD_USER_UNITS } from "../../knowledge/systemd-units.generated.js";
import { parseUnitName } from "../../model/unit-name.js";
import type { UnitSet } from "../../model/unit-set.js";
import { defineRule } from "../types.js";

const PULLS = ["Wants", "Requires", "Requisite", "BindsTo", "Upholds", "PartOf", "OnFailure", "OnSuccess"];
/** Templates some unit of the set pulls an instance of in by name, built once per set. */
const namedCache = new WeakMap<UnitSet, Set<string>>();

function namedTemplates(set: UnitSet): Set<string> {
  let named = namedCache.get(set);
  if (named) return named;
  named = new Set();
  for (const o of set.units) {
    for (const k of PULLS) {
      for (const a of o.list("Unit", k)) {
        for (const w of a.value.split(/\s+/)) {
          const n = parseUnitName(w);
          if (n.isInstance && n.template && n.template !== o.name.name) named.add(n.template);
        }
      }
    }
  }
  namedCache.set(set, named);
  return named;
}

const SYSTEMD_OWN = new Set([...SYSTEMD_SYSTEM_UNITS, ...SYSTEMD_USER_UNITS]);

export default defineRule({
  meta: {
    id: "install/template-without-default-instance",
    family: "install",
    severity: "info",
    fixable: "none",
    messages: {
      none: "`systemctl enable {name}` enables no instance: a template only runs as an instance, and without DefaultInstance= there is none to link into {target}. Enable one by name (`systemctl enable {example}`), or add DefaultInstance= to [Install] if one instance is the usual case",
    },
    docs: {
      summary: "A template unit (`name@.service`) with `[Install] WantedBy=` but no `DefaultInstance=`: enabling the template itself enables nothing.",
      rationale:
        "`systemctl enable app@.service` has no instance name to put in the `.wants/` link, so it creates none (systemd prints a hint and nothing starts at boot). Instances are enabled by name (`systemctl enable app@web.service`); `DefaultInstance=` names the instance `systemctl enable app@.service` should use. " +
        "Templates installed per instance on purpose — `WantedBy=` naming the instance (`postgresql@%i.service`) — systemd's own templates (serial-getty@.service), and templates whose instances another unit of the set pulls in by name (`Wants=worker@email.service`) are not reported.",
      bad: { filename: "worker@.service", text: "[Service]\nExecStart=/usr/bin/worker --queue %i\n\n[Install]\nWantedBy=multi-user.target\n" },
      good: {
        filename: "worker@.service",
        text: "[Service]\nExecStart=/usr/bin/worker --queue %i\n\n[Install]\nWantedBy=multi-user.target\nDefaultInstance=default\n",
      },
      reference: "systemd.unit(5) [Install] DefaultInstance=; systemctl(1) enable",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    if (!u.main || !u.name.isTemplate || SYSTEMD_OWN.has(u.name.name)) return;
    if (u.list("Install", "DefaultInstance").some((a) => a.value !== "")) return;
    const wanted = ["WantedBy", "RequiredBy", "UpheldBy"].flatMap((k) => u.list("Install", k)).filter((a) => a.value.trim() !== "");
    const first = wanted[0];
    // WantedBy=postgresql@%i.service: each instance is installed into its own counterpart, by name, on purpose
    if (!first || wanted.some((a) => /%[iI]/.test(a.value))) return;
    // another unit of the set names instances (ots.target: Wants=ots-worker@email.service): they are used by name
    if (namedTemplates(ctx.set).has(u.name.name)) return;
    const example = `${u.name.prefix}@INSTANCE.${u.name.type}`;
    ctx.report({
      messageId: "none",
      data: { name: u.name.name, target: first.value.trim().split(/\s+/)[0]!, example },
      file: first.file,
      range: first.entry.range,
    });
  },
});
