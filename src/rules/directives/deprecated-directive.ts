import { directiveInfo, type DirectiveInfo } from "../../knowledge/directives.js";
import { defineRule } from "../types.js";
import { checkedEntries } from "./entries-helper.js";

/**
 * The successor to rename to, when the replacement is a plain current setting of
 * the same section; `sameType` when it takes the same values (an alias spelling).
 */
function renameTarget(info: DirectiveInfo): { name: string; sameType: boolean } | null {
  const r = info.replacement.trim();
  if (!/^[A-Za-z]+$/.test(r)) return null;
  const target = directiveInfo(info.section, r);
  return target && target.status === "current" ? { name: r, sameType: target.valueType === info.valueType } : null;
}

export default defineRule({
  meta: {
    id: "directives/deprecated-directive",
    family: "directives",
    severity: "warning",
    fixable: "safe",
    messages: {
      deprecated: "'{key}' is deprecated{replacement}",
      obsolete: "'{key}' is obsolete: newer systemd ignores it{replacement}",
      removed: "'{key}' was removed from systemd and is ignored as an unknown setting{replacement}",
    },
    docs: {
      summary: "A deprecated, obsolete or removed setting (`MemoryLimit=`, `CPUShares=`, `PermissionsStartOnly=`, `StartLimitInterval=` in [Service]...).",
      rationale:
        "Old spellings keep working for a while with warnings, then stop: cgroup-v1 settings such as `MemoryLimit=` are ignored by current systemd, so limits you rely on silently disappear after an upgrade.",
      bad: { filename: "app.service", text: "[Unit]\nBindTo=db.service\n\n[Service]\nExecStart=/usr/bin/app\nMemoryLimit=512M\n" },
      good: { filename: "app.service", text: "[Unit]\nBindsTo=db.service\n\n[Service]\nExecStart=/usr/bin/app\nMemoryMax=512M\n" },
      fix: "A deprecated alias spelling (BindTo= → BindsTo=, ReadWriteDirectories= → ReadWritePaths=) is renamed safely. Obsolete settings with a successor (MemoryLimit= → MemoryMax=) get an unsafe fix: the successor's semantics differ in detail. Settings that moved to [Unit] are left to the author.",
      reference: "systemd.directives(7), NEWS",
    },
  },
  checkFile(ctx) {
    for (const { section, entry } of checkedEntries(ctx.file)) {
      const info = directiveInfo(section, entry.key);
      if (!info || info.status === "current") continue;
      const to = renameTarget(info);
      const replacement = info.replacement ? `; use ${info.replacement.startsWith("[") ? info.replacement : info.replacement + (to ? "=" : "")} instead` : "";
      const fix = to
        ? {
            description: `Rename to ${to.name}=`,
            safe: info.status === "deprecated" && to.sameType,
            edits: [{ start: entry.keyRange.start, end: entry.keyRange.end, text: to.name }],
          }
        : undefined;
      ctx.report({ messageId: info.status, data: { key: entry.key, replacement }, file: ctx.file, range: entry.keyRange, ...(fix ? { fix } : {}) });
    }
  },
});
