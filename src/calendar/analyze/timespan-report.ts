import { parseTimespan } from "../timespan/parse-timespan.js";
import { formatTimespan } from "../timespan/format-timespan.js";
import { parseCalendarIn } from "../calendar.js";
import type { LibcSession } from "../libc/session.js";
import type { ZoneSource } from "../zone/source.js";
import { parseTimestampIn } from "../timestamp/parse-timestamp.js";
import { renderTable } from "./table.js";
import type { AnalyzeOutput } from "./calendar-report.js";

const STRERROR = { EINVAL: "Invalid argument", ERANGE: "Numerical result out of range" } as const;

/**
 * What `systemd-analyze timespan SPAN...` prints (src/analyze/analyze-timespan.c):
 * it stops at the first span it cannot parse. `mu` is "μ" in a UTF-8 locale, else "u".
 */
export function analyzeTimespan(
  spans: readonly string[],
  opts: { mu: string; session: LibcSession; zones: ZoneSource; now: bigint; program?: string },
): AnalyzeOutput {
  let stdout = "";
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i]!;
    const r = parseTimespan(s);
    if (!r.ok) {
      let stderr = `Failed to parse time span '${s}': ${STRERROR[r.errno]}\n`;
      if (parseCalendarIn(s, opts.session, opts.zones).ok)
        stderr += `Hint: this expression is a valid calendar specification. Use '${opts.program ?? "unitlint"} calendar "${s}"' instead?\n`;
      if (parseTimestampIn(s, opts.session, opts.zones, opts.now, { zoneNames: "reject" }).ok)
        stderr += `Hint: this expression is a valid timestamp, not a time span.\n`;
      return { stdout, stderr, exitCode: 1 };
    }
    stdout += renderTable([
      ["Original:", s],
      [`${opts.mu}s:`, r.usec.toString()],
      ["Human:", formatTimespan(r.usec, 0n)],
    ]);
    if (i < spans.length - 1) stdout += "\n";
  }
  return { stdout, stderr: "", exitCode: 0 };
}

/** systemd's is_locale_utf8() as it plays out for the μ glyph: only an explicit C/POSIX locale turns it off. */
export function microGlyph(env: Record<string, string | undefined>): string {
  const locale = env["LC_ALL"] || env["LC_CTYPE"] || env["LANG"] || "";
  return locale === "C" || locale === "POSIX" ? "u" : "μ";
}
