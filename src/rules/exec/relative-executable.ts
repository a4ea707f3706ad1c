import type { EffectiveUnit } from "../../model/effective-unit.js";
import { execCommandOf } from "../../parser/exec/parse-exec.js";
import { valueSubRange } from "../../parser/unit/index.js";
import { defineRule } from "../types.js";
import { commandLines } from "./exec-helper.js";

/** systemd 239 added the look-up of bare program names; older releases refuse the line. */
const SEARCH_SINCE = 239;
/** The fixed search path of systemd.service(5) "Command lines" (not the service's PATH=). */
const SEARCH_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin";

/** systemd's own programs: wherever a systemd that looks names up runs, they are on its search path (upstream units call them by name). */
const SYSTEMD_TOOL =
  /^(systemd-[a-z0-9-]+|systemctl|journalctl|udevadm|networkctl|resolvectl|loginctl|busctl|machinectl|homectl|portablectl|bootctl|timedatectl|hostnamectl|localectl|coredumpctl|userdbctl|oomctl|kernel-install)$/;

/** The oldest target systemd: from the settings, or a fixture's first-line `# unitlint: target systemd N` comment. */
function oldestTarget(targets: number[], unit: EffectiveUnit): number | undefined {
  let list = targets;
  const m = unit.main ? /^# unitlint: target systemd ([\d, ]+)/.exec(unit.main.source.text) : null;
  if (list.length === 0 && m) list = m[1]!.split(/[ ,]+/).filter(Boolean).map(Number);
  return list.length ? Math.min(...list) : undefined;
}

export default defineRule({
  meta: {
    id: "exec/relative-executable",
    family: "exec",
    severity: "warning",
    unitTypes: ["service", "socket", "mount", "swap"],
    fixable: "none",
    messages: {
      old: "{key}= runs '{exe}', which is not an absolute path: systemd {target} refuses the line (bare program names are looked up only since systemd 239). Write the full path",
      relative:
        "{key}= runs '{exe}', a relative path: systemd refuses to load the unit (\"Neither a valid executable name nor an absolute path\"). Write the absolute path",
      search:
        "{key}= runs '{exe}' by name: systemd looks it up in {path} only (not in the service's PATH=, nor in ~/.local/bin or a virtualenv). The full path says exactly which program runs",
    },
    docs: {
      summary: "A command line whose program is a bare name or a relative path rather than an absolute path.",
      rationale:
        "Before systemd 239 the program of `ExecStart=` and friends had to be an absolute path; older systemd logs an error and ignores the line, so the service has no command. Since 239 a bare name is looked up in a fixed search path (/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin), never in `Environment=PATH=`, which surprises people who install tools elsewhere. A relative path with a slash (`bin/app`) makes every version refuse to load the unit (an error), unless the command has the `-` prefix: then systemd drops the line with a warning, which values/invalid-value reports. A warning when a target systemd older than 239 is configured, otherwise a note, which is not given for systemd's own programs (`systemctl`, `udevadm`, `systemd-*`): they are always on the search path and systemd's units call them by name.",
      bad: { filename: "app.service", text: "# unitlint: target systemd 237\n[Service]\nExecStart=python3 -m http.server 8080\n" },
      good: { filename: "app.service", text: "# unitlint: target systemd 237\n[Service]\nExecStart=/usr/bin/python3 -m http.server 8080\n" },
      reference: "systemd.service(5) Command lines",
    },
  },
  checkUnit(ctx) {
    let target: number | undefined;
    let targetRead = false;
    for (const { key, a } of commandLines(ctx.unit)) {
      const cmd = execCommandOf(a.value);
      const exe = cmd.words[0];
      // Absolute paths are fine; `%h/bin/x` and other specifiers expand to absolute paths.
      if (!exe || exe.text.startsWith("/") || exe.text.startsWith("%")) continue;
      if (!targetRead) {
        target = oldestTarget(ctx.settings.targetSystemd, ctx.unit);
        targetRead = true;
      }
      const range = valueSubRange(a.entry, exe.from, exe.to);
      if (exe.text.includes("/")) {
        // with the '-' prefix systemd drops the line instead: values/invalid-value reports that
        if (!cmd.prefixes.includes("-")) ctx.report({ messageId: "relative", data: { key, exe: exe.text }, file: a.file, range, severity: "error" });
      } else if (target !== undefined && target < SEARCH_SINCE) ctx.report({ messageId: "old", data: { key, exe: exe.text, target }, file: a.file, range });
      else if (!SYSTEMD_TOOL.test(exe.text))
        ctx.report({ messageId: "search", data: { key, exe: exe.text, path: SEARCH_PATH }, file: a.file, range, severity: "info" });
    }
  },
});
