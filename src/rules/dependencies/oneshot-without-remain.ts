import type { Assignment, EffectiveUnit } from "../../model/effective-unit.js";
import { parseUnitName } from "../../model/unit-name.js";
import { resolveUnit } from "../../model/unit-set.js";
import { parseBoolean } from "../../values/primitives.js";
import { defineRule } from "../types.js";

/** A dependency line of a dependent service. */
interface Dep {
  a: Assignment;
  unit: string;
}

const names = (list: Assignment[]) => list.flatMap((a) => a.value.split(/\s+/).filter(Boolean));

const isOneshot = (u: EffectiveUnit) => u.get("Service", "Type") === "oneshot";
const remains = (u: EffectiveUnit) => parseBoolean(u.get("Service", "RemainAfterExit") ?? "no") === true;

/** A service that keeps running: not a oneshot, or a oneshot that stays active. */
const longRunning = (u: EffectiveUnit) => u.type === "service" && (!isOneshot(u) || remains(u));

export default defineRule({
  meta: {
    id: "dependencies/oneshot-without-remain",
    family: "dependencies",
    severity: "info",
    unitTypes: ["service"],
    fixable: "none",
    messages: {
      setup:
        "{unit} is a Type=oneshot set-up step of {dependents} ({key}= and After=) but goes inactive when it finishes: it runs again on every restart of {first} and `systemctl status` shows it dead. Add RemainAfterExit=yes if it should run once",
      bound:
        "{dependents} BindsTo={unit}, a Type=oneshot service without RemainAfterExit=yes: when {unit} finishes it becomes inactive and systemd stops {first} with it. Add RemainAfterExit=yes",
    },
    docs: {
      summary:
        "A `Type=oneshot` service without `RemainAfterExit=yes` that a long-running service requires (`Requires=`/`Wants=` with `After=`) or is bound to (`BindsTo=`).",
      rationale:
        'A oneshot service is active only while its command runs. Used as a set-up step of a daemon, it is inactive ("dead") right after, so every restart of the daemon runs it again and `systemctl status` hides that it succeeded. With `BindsTo=` it is worse: the daemon is stopped as soon as the oneshot finishes. `RemainAfterExit=yes` keeps the step active until it is stopped. A step meant to run before each start (a migration, a cache warm-up) is fine without it: ignore the note there, or put it in `ExecStartPre=`. Template oneshots (`modprobe@.service`) are parameterised actions meant to run on each request and are not reported.',
      bad: {
        filename: "app.service",
        text: "[Unit]\nRequires=app-setup.service\nAfter=app-setup.service\n\n[Service]\nExecStart=/usr/bin/app\n",
        extra: [{ filename: "app-setup.service", text: "[Service]\nType=oneshot\nExecStart=/usr/bin/app-setup\n" }],
      },
      good: {
        filename: "app.service",
        text: "[Unit]\nRequires=app-setup.service\nAfter=app-setup.service\n\n[Service]\nExecStart=/usr/bin/app\n",
        extra: [{ filename: "app-setup.service", text: "[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart=/usr/bin/app-setup\n" }],
      },
      reference: "systemd.service(5) RemainAfterExit=; systemd.unit(5) BindsTo=",
    },
  },
  checkSet(ctx) {
    // For each oneshot: the long-running services that depend on it, by kind of dependency.
    const hits = new Map<EffectiveUnit, { bound: Dep[]; setup: Dep[] }>();
    for (const d of ctx.set.units) {
      if (!d.main || !longRunning(d)) continue;
      const after = new Set(names(d.list("Unit", "After")));
      for (const key of ["BindsTo", "Requires", "Wants"]) {
        for (const a of d.list("Unit", key)) {
          for (const dep of a.value.split(/\s+/).filter(Boolean)) {
            // A template oneshot is a parameterised action each dependent asks for (modprobe@drm.service): re-running it is its purpose.
            if (parseUnitName(dep).template) continue;
            const o = resolveUnit(ctx.set, dep);
            if (!o || o === d || !o.main || !isOneshot(o) || remains(o)) continue;
            const ordered = after.has(dep) || names(o.list("Unit", "Before")).includes(d.name.name);
            // BindsTo= stops the dependent whatever the ordering; Requires=/Wants= matter as set-up steps (ordered before).
            if (key !== "BindsTo" && !ordered) continue;
            let h = hits.get(o);
            if (!h) hits.set(o, (h = { bound: [], setup: [] }));
            const list = key === "BindsTo" ? h.bound : h.setup;
            if (!list.some((x) => x.a === a)) list.push({ a, unit: d.name.name });
          }
        }
      }
    }
    for (const [o, h] of hits) {
      const type = o.last("Service", "Type")!;
      for (const [messageId, list] of [
        ["bound", h.bound],
        ["setup", h.setup],
      ] as const) {
        if (list.length === 0) continue;
        const dependents = [...new Set(list.map((x) => x.unit))];
        ctx.report({
          messageId,
          data: { unit: o.name.name, dependents: dependents.join(", "), first: dependents[0]!, key: list[0]!.a.key },
          file: type.file,
          range: type.entry.range,
          related: list.map(({ a, unit }) => ({ file: a.file, range: a.entry.range, message: `${unit} ${a.key}=${o.name.name} here` })),
          ...(messageId === "bound" ? { severity: "warning" as const } : {}),
        });
      }
    }
  },
});
