import { directiveInfo, isAmongValues, valuesNewerThan252 } from "../../knowledge/directives.js";
import { defineRule } from "../types.js";
import { checkedEntries } from "./entries-helper.js";

export default defineRule({
  meta: {
    id: "directives/newer-than-target",
    family: "directives",
    severity: "error",
    fixable: "none",
    messages: {
      directive: "'{key}=' needs systemd {since} or newer; systemd {target} ignores it as an unknown setting",
      value: "'{key}={value}' needs a systemd newer than 252; systemd {target} refuses the value",
    },
    docs: {
      summary: "A setting or value newer than the oldest systemd the units must run on (`--target-systemd`, `targetSystemd` in config).",
      rationale:
        "Fleets mix releases: Debian 12 ships systemd 252, so a unit using a setting added in 254 loses that setting there without any error at install time. Set the target versions and unitlint names the version each setting needs.",
      bad: { filename: "app.service", text: "# unitlint: target systemd 245\n[Service]\nExecStart=/usr/bin/app\nProtectProc=invisible\n" },
      good: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nProtectSystem=strict\n" },
      reference: "systemd NEWS, systemd.directives(7)",
    },
  },
  checkFile(ctx) {
    let targets = ctx.settings.targetSystemd;
    // Doc examples and fixtures can state their target in a first-line comment.
    const m = /^# unitlint: target systemd ([\d, ]+)/.exec(ctx.file.source.text);
    if (targets.length === 0 && m) targets = m[1]!.split(/[ ,]+/).filter(Boolean).map(Number);
    if (targets.length === 0) return;
    const oldest = Math.min(...targets);
    for (const { section, entry } of checkedEntries(ctx.file)) {
      const info = directiveInfo(section, entry.key);
      if (!info) continue;
      if (info.since !== null && info.since > oldest) {
        ctx.report({ messageId: "directive", data: { key: entry.key, since: info.since, target: oldest }, file: ctx.file, range: entry.keyRange });
        continue;
      }
      if (oldest <= 252 && isAmongValues(entry.value, valuesNewerThan252(info))) {
        ctx.report({ messageId: "value", data: { key: entry.key, value: entry.value, target: oldest }, file: ctx.file, range: entry.valueRange });
      }
    }
  },
});
