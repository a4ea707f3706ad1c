import type { Assignment, EffectiveUnit } from "../../model/effective-unit.js";
import { execCommandOf } from "../../parser/exec/parse-exec.js";
import { valueSubRange } from "../../parser/unit/index.js";
import { parseBoolean } from "../../values/primitives.js";
import { splitWords } from "../../values/words.js";
import type { ReportFile } from "../types.js";
import { defineRule } from "../types.js";
import { commandLines } from "./exec-helper.js";
import { trimEndOf } from "../../core/strings.js";

/** The trees ProtectHome= covers (systemd.exec(5) ProtectHome=). */
const HOME = /^\/(home|root|run\/user)(\/|$)/;

/** Mount settings that put a path back into the service's view; a path below one of them is left alone. */
const REMOUNTS = ["BindPaths", "BindReadOnlyPaths", "ReadWritePaths", "ReadOnlyPaths", "TemporaryFileSystem"];

interface Protection {
  mode: "yes" | "tmpfs" | "read-only";
  file: ReportFile;
  range: Assignment["entry"]["range"];
  why: string;
}

/** The effective ProtectHome= mode, DynamicUser=yes implying at least read-only. */
function protection(u: EffectiveUnit): Protection | null {
  const a = u.last("Service", "ProtectHome");
  const v = a?.value ?? "";
  const mode = v === "tmpfs" || v === "read-only" ? v : parseBoolean(v) === true ? "yes" : null;
  if (mode && a) return { mode, file: a.file, range: a.entry.range, why: `ProtectHome=${v}` };
  const d = u.last("Service", "DynamicUser");
  if (d && parseBoolean(d.value) === true)
    return { mode: "read-only", file: d.file, range: d.entry.range, why: "DynamicUser=yes (implies ProtectHome=read-only)" };
  return null;
}

/** Mount points the unit re-exposes (the destination of BindPaths=, the path of ReadWritePaths= …). */
function remounted(u: EffectiveUnit): string[] {
  return REMOUNTS.flatMap((key) =>
    u.list("Service", key).flatMap((a) =>
      splitWords(a.value).words.map((w) => {
        const parts = w.text.replace(/^[-+]+/, "").split(":");
        return trimEndOf((key.startsWith("Bind") ? (parts[1] ?? parts[0]) : parts[0])!, "/");
      }),
    ),
  );
}

const under = (path: string, dir: string) => dir !== "" && (path === dir || path.startsWith(dir + "/"));

export default defineRule({
  meta: {
    id: "exec/home-with-protect-home",
    family: "exec",
    severity: "error",
    unitTypes: ["service"],
    fixable: "none",
    messages: {
      exec: "{key}= runs '{path}', but {why} hides {tree} from the service: the command fails with status 203/EXEC. Move the program out of home directories, or expose it with BindReadOnlyPaths=",
      workdir:
        "WorkingDirectory={path} is under {tree}, which {why} hides from the service: {outcome}. Use a directory outside home directories, or expose it with BindPaths=",
    },
    docs: {
      summary: "A program or working directory under /home, /root or /run/user in a service whose `ProtectHome=yes`/`tmpfs` hides those trees.",
      rationale:
        "`ProtectHome=yes` makes /home, /root and /run/user inaccessible inside the service's mount namespace and `tmpfs` replaces them with empty directories, so a program or working directory there cannot be reached: the service fails with 203/EXEC or 200/CHDIR. Lines prefixed with `+` run outside the namespace and are not reported. `ProtectHome=read-only` (also implied by `DynamicUser=yes`) is not reported: programs there still run, and what the service writes cannot be read from the unit. `EnvironmentFile=` is not reported either: systemd reads it before setting up the namespace.",
      bad: { filename: "bot.service", text: "[Service]\nUser=bot\nExecStart=/home/bot/venv/bin/python -m bot\nProtectHome=yes\n" },
      good: { filename: "bot.service", text: "[Service]\nUser=bot\nExecStart=/opt/bot/venv/bin/python -m bot\nProtectHome=yes\n" },
      reference: "systemd.exec(5) ProtectHome=",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    const p = protection(u);
    if (!p || p.mode === "read-only" || u.get("Service", "RootDirectory") || u.get("Service", "RootImage")) return;
    const exposed = remounted(u);
    const hidden = (path: string) => HOME.test(path) && !exposed.some((d) => under(path, d));
    const tree = (path: string) => "/" + HOME.exec(path)![1]!;
    const related = [{ file: p.file, range: p.range, message: `${p.why} is set here` }];
    for (const { key, a } of commandLines(u)) {
      const cmd = execCommandOf(a.value);
      const exe = cmd.words[0];
      // `+` runs the command with full privileges, outside the mount namespace.
      if (!exe || cmd.prefixes.includes("+") || !hidden(exe.text)) continue;
      ctx.report({
        messageId: "exec",
        data: { key, path: exe.text, why: p.why, tree: tree(exe.text) },
        file: a.file,
        range: valueSubRange(a.entry, exe.from, exe.to),
        related,
      });
    }
    const wd = u.last("Service", "WorkingDirectory");
    const dir = wd?.value.replace(/^-/, "") ?? "";
    if (wd && hidden(dir)) {
      const optional = wd.value.startsWith("-");
      const outcome = optional
        ? "the leading '-' makes systemd ignore the failed chdir, so the service runs in another directory"
        : "the service fails with status 200/CHDIR";
      ctx.report({
        messageId: "workdir",
        data: { path: dir, tree: tree(dir), why: p.why, outcome },
        file: wd.file,
        range: wd.entry.valueRange,
        related,
        ...(optional ? { severity: "warning" as const } : {}),
      });
    }
  },
});
