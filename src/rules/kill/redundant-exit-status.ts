import type { TextEdit } from "../../core/diagnostic.js";
import type { Assignment } from "../../model/effective-unit.js";
import { valueSubRange } from "../../parser/unit/index.js";
import { parseSignal } from "../../values/primitives.js";
import { splitWords, type Word } from "../../values/words.js";
import { defineRule } from "../types.js";

const KEYS = ["SuccessExitStatus", "RestartPreventExitStatus", "RestartForceExitStatus"];
/** Deaths by these signals are already clean for every service type but oneshot (is_clean_exit(), EXIT_CLEAN_DAEMON). */
const CLEAN_SIGNALS = new Set([1, 2, 13, 15]);

/** What a word stands for: an exit status or a signal; status names (TEMPFAIL) are compared as written. */
function identity(t: string): string {
  if (/^\d+$/.test(t)) return `status ${Number(t)}`;
  // set_status parsing tries status names first, then signal_from_string() (with or without SIG).
  const s = parseSignal(t);
  return s !== undefined ? `signal ${s}` : t;
}

/**
 * Edits removing one word and a separating blank. When it is the line's only
 * word the whole line goes: an empty `SuccessExitStatus=` would reset the list.
 */
function removal(a: Assignment, w: Word, words: Word[]): TextEdit {
  if (words.length === 1) return { start: a.entry.fullRange.start, end: a.entry.fullRange.end, text: "" };
  const v = a.value;
  const start = w.from > 0 && /\s/.test(v[w.from - 1]!) ? w.from - 1 : w.from;
  const end = start === w.from && /\s/.test(v[w.to] ?? "") ? w.to + 1 : w.to;
  const r = valueSubRange(a.entry, start, end);
  return { start: r.start, end: r.end, text: "" };
}

export default defineRule({
  meta: {
    id: "kill/redundant-exit-status",
    family: "kill",
    severity: "info",
    unitTypes: ["service"],
    fixable: "safe",
    messages: {
      zero: "SuccessExitStatus= lists 0, which is always a successful exit",
      cleanSignal:
        "SuccessExitStatus= lists {word}: death by SIGHUP, SIGINT, SIGTERM or SIGPIPE already counts as clean for a service that is not Type=oneshot (exit status 143, what Java returns after SIGTERM, is the number 143)",
      duplicate: "{key}= lists {word} a second time (as {first} before)",
    },
    docs: {
      summary:
        "Words of `SuccessExitStatus=`, `RestartPreventExitStatus=` or `RestartForceExitStatus=` that change nothing: `0`, the signals that are clean anyway, or a repeat.",
      rationale:
        "Exit status 0 is always a success, and for services other than `Type=oneshot` so is death by SIGHUP, SIGINT, SIGTERM or SIGPIPE; listing them suggests a problem was handled when it was not. The common case is `SuccessExitStatus=SIGTERM` written for a Java service, which exits with the *number* 143 after SIGTERM and still fails. Repeats (also across lines and drop-ins, up to an empty reset) are noise.",
      bad: { filename: "api.service", text: "[Service]\nExecStart=/usr/bin/api\nSuccessExitStatus=0 75\nRestartPreventExitStatus=255 255\n" },
      good: { filename: "api.service", text: "[Service]\nExecStart=/usr/bin/api\nSuccessExitStatus=75\nRestartPreventExitStatus=255\n" },
      fix: "The word and one blank next to it are removed, or the whole line when it was the only word (an empty value would reset the list). The remaining list means exactly what it did, so the fix is safe.",
      reference: "systemd.service(5) SuccessExitStatus=, RestartPreventExitStatus=",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    const oneshot = u.get("Service", "Type") === "oneshot";
    for (const key of KEYS) {
      const seen = new Map<string, string>();
      for (const a of u.list("Service", key)) {
        const words = splitWords(a.value).words;
        for (const w of words) {
          if (w.text.includes("%")) continue;
          const id = identity(w.text);
          const report = (messageId: "duplicate" | "zero" | "cleanSignal", data: Record<string, string> = {}) =>
            ctx.report({
              messageId,
              data: { key, word: w.text, ...data },
              file: a.file,
              range: valueSubRange(a.entry, w.from, w.to),
              fix: { description: `Remove ${w.text}`, safe: true, edits: [removal(a, w, words)] },
            });
          const first = seen.get(id);
          if (first !== undefined) report("duplicate", { first });
          else if (key === "SuccessExitStatus" && id === "status 0") report("zero");
          else if (key === "SuccessExitStatus" && !oneshot && id.startsWith("signal ") && CLEAN_SIGNALS.has(Number(id.slice(7)))) report("cleanSignal");
          if (first === undefined) seen.set(id, w.text);
        }
      }
    }
  },
});
