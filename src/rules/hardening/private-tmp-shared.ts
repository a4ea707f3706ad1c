import type { EffectiveUnit } from "../../model/effective-unit.js";
import { EXEC_KEYS, execCommandOf } from "../../parser/exec/parse-exec.js";
import { defineRule } from "../types.js";
import { sandboxOf } from "./hardening-helper.js";

function tmpPaths(u: EffectiveUnit): Map<string, { file: EffectiveUnit["assignments"][number] }> {
  const out = new Map<string, { file: EffectiveUnit["assignments"][number] }>();
  for (const k of EXEC_KEYS)
    for (const a of u.all("Service", k))
      for (const w of execCommandOf(a.value).words) {
        const m = /(?:^|=)(\/(?:var\/)?tmp\/[^\s'";|&]+)/.exec(w.text);
        if (m && !out.has(m[1]!)) out.set(m[1]!, { file: a });
      }
  return out;
}

export default defineRule({
  meta: {
    id: "hardening/private-tmp-shared",
    family: "hardening",
    severity: "warning",
    unitTypes: ["service"],
    fixable: "none",
    messages: {
      shared:
        "{unit} has PrivateTmp=yes, so {path} is its own private copy: {other} uses the same path and will not see it. Exchange the file through a shared directory such as /run/<name> or /var/lib/<name>",
    },
    docs: {
      summary: "A service with `PrivateTmp=yes` whose commands use a /tmp path that another unit of the set also uses.",
      rationale:
        "`PrivateTmp=yes` gives the service its own /tmp and /var/tmp. A file it writes to /tmp/export.csv is invisible to another service (or to a timer's job) that reads /tmp/export.csv, and vice versa: the hand-over silently breaks when hardening is added. Use a directory both can reach (`RuntimeDirectory=`, `StateDirectory=`), or JoinsNamespaceOf= when both need the same private /tmp.",
      bad: {
        filename: "export.service",
        text: "[Service]\nType=oneshot\nExecStart=/usr/bin/export --out /tmp/export.csv\nPrivateTmp=yes\n",
        extra: [{ filename: "upload.service", text: "[Service]\nType=oneshot\nExecStart=/usr/bin/upload /tmp/export.csv\n" }],
      },
      good: {
        filename: "export.service",
        text: "[Service]\nType=oneshot\nExecStart=/usr/bin/export --out /var/lib/reports/export.csv\nPrivateTmp=yes\n",
        extra: [{ filename: "upload.service", text: "[Service]\nType=oneshot\nExecStart=/usr/bin/upload /var/lib/reports/export.csv\n" }],
      },
      reference: "systemd.exec(5) PrivateTmp=, JoinsNamespaceOf=",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    // Only a unit that sets PrivateTmp= itself is in question: most units are settled without loading their sandbox.
    if (!u.all("Service", "PrivateTmp").length) return;
    const sandbox = sandboxOf(u, ctx.settings.mode);
    if (!sandbox || !sandbox.flags.PrivateTmp || !sandbox.sources.has("PrivateTmp")) return;
    const mine = tmpPaths(u);
    if (mine.size === 0) return;
    const joined = new Set(u.all("Unit", "JoinsNamespaceOf").flatMap((x) => x.value.split(/\s+/)));
    for (const other of ctx.set.units) {
      if (other === u || other.type !== "service" || joined.has(other.name.name)) continue;
      if (other.all("Unit", "JoinsNamespaceOf").some((x) => x.value.split(/\s+/).includes(u.name.name))) continue;
      for (const [path, where] of tmpPaths(other)) {
        if (!mine.has(path)) continue;
        const at = mine.get(path)!.file;
        ctx.report({
          messageId: "shared",
          data: { unit: u.name.name, path, other: other.name.name },
          file: at.file,
          range: at.entry.range,
          related: [{ file: where.file.file, range: where.file.entry.range, message: `${other.name.name} uses ${path} here` }],
        });
        return;
      }
    }
  },
});
