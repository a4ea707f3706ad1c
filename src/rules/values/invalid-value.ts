import { BoundedMap } from "../../core/bounded-map.js";
import { type DirectiveInfo, directiveInfo } from "../../knowledge/directives.js";
import { hasNoInstance } from "../../model/unit-file.js";
import { valueSubRange } from "../../parser/unit/index.js";
import { type ValueContext, type ValueProblem, validateValue } from "../../values/validate.js";
import { checkedEntries } from "../directives/entries-helper.js";
import { defineRule } from "../types.js";

/**
 * Verdicts so far, per directive and value: a value's verdict depends on the
 * unit only through its specifiers (and a timer naming itself), and most
 * assignments of a set repeat one seen before (Type=simple, After=network.target:
 * 44% of the 2,801 in the benchmark corpus). Bounded for long-running callers.
 */
const verdicts = new BoundedMap<string, ValueProblem | null>(100_000);

function verdict(value: string, info: DirectiveInfo, context: ValueContext): ValueProblem | null {
  const unitBound = value.includes("%") || info.parser === "trigger_unit";
  const key = `${info.section}\u0000${info.name}\u0000${value}${unitBound ? `\u0000${context.noInstance ? 1 : 0}${context.unitName ?? ""}` : ""}`;
  let p = verdicts.get(key);
  if (p === undefined) verdicts.set(key, (p = validateValue(value, info, context)));
  return p;
}

export default defineRule({
  meta: {
    id: "values/invalid-value",
    family: "values",
    severity: "error",
    fixable: "unsafe",
    messages: { invalid: "{key}=: {message}" },
    docs: {
      summary:
        "A value systemd cannot parse for its setting: a bad boolean, enum value, time span, number out of range, file mode, signal, size or calendar spec, a resource limit, or an item systemd drops from a list: system calls and groups, address families, namespaces, filesystems, capabilities, network interfaces, IP prefixes, bind mounts, disk images and their partition options, BPF programs, devices and IO limits, CPU sets, socket-bind rules, paths, credentials, variable names, personalities.",
      rationale:
        'systemd logs "Failed to parse" (or "..., ignoring") and ignores the assignment or the item, so the default silently applies: `Restart=on-failed` never restarts, `TimeoutStopSec=90sec` is rejected, `SystemCallFilter=~@mount @privilegd` blocks nothing of the misspelt group, `ReadOnlyPaths=etc/app` leaves the path writable. unitlint underlines the exact bad part, says what systemd does with it, and names the closest real value (`@privileged`). Unknown capability names, which systemd drops without a word, and filesystem names it only skips when the unit starts are warnings. So are `Personality=` names of other machines: systemd takes only the architecture it was built for and its 32-bit companion, so unitlint judges for x86-64 (as for system calls), passes `x86-64` and `x86`, warns on `arm64` and the like (naming the machines that take them), and errors only on names no systemd 252 takes anywhere.',
      bad: {
        filename: "app.service",
        text: "[Service]\nExecStart=/usr/bin/app\nRestart=on-failed\nTimeoutStopSec=1.5 mins\nSystemCallFilter=~@mount @privilegd\nReadOnlyPaths=etc/app\n",
      },
      good: {
        filename: "app.service",
        text: "[Service]\nExecStart=/usr/bin/app\nRestart=on-failure\nTimeoutStopSec=1min\nSystemCallFilter=~@mount @privileged\nReadOnlyPaths=/etc/app\n",
      },
      fix: "A cron expression pasted into `OnCalendar=` gets the equivalent calendar spec as an unsafe fix (the timer starts firing when applied). A misspelt name (enum value, system-call group, address family, capability...) gets the closest real name as a suggestion that editors offer; it is never applied by `--fix`. Other values need the author's intent.",
      reference: "systemd.service(5), systemd.exec(5), systemd.resource-control(5), systemd.time(7)",
    },
  },
  checkFile(ctx) {
    const noInstance = hasNoInstance(ctx.file);
    const context = { noInstance, unitName: noInstance || (ctx.file.kind === "unit" && ctx.file.name.isInstance) ? ctx.file.name.name : undefined };
    for (const { section, entry } of checkedEntries(ctx.file)) {
      const info = directiveInfo(section, entry.key);
      if (!info || info.status === "removed") continue;
      const p = verdict(entry.value, info, context);
      if (!p) continue;
      const range = valueSubRange(entry, p.from, Math.max(p.to, p.from + (entry.value.length ? 1 : 0)));
      // Turning an ignored line into a working one changes behaviour, so the fix is never "safe".
      const fix =
        p.replacement !== undefined
          ? {
              description: `Replace with ${entry.key}=${p.replacement}`,
              safe: false,
              edits: [{ start: entry.valueRange.start, end: entry.valueRange.end, text: p.replacement }],
            }
          : undefined;
      ctx.report({
        messageId: "invalid",
        data: { key: entry.key, message: p.message },
        file: ctx.file,
        range,
        ...(p.severity ? { severity: p.severity } : {}),
        ...(fix ? { fix } : {}),
        // the closest real name, offered (never applied by --fix) as a replacement of the underlined part
        ...(p.suggestion !== undefined
          ? {
              suggestions: [
                { description: `Replace with '${p.suggestion}'`, safe: false, edits: [{ start: range.start, end: range.end, text: p.suggestion }] },
              ],
            }
          : {}),
      });
    }
  },
});
