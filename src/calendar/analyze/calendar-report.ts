import { parseCalendarIn } from "../calendar.js";
import type { LibcSession } from "../libc/session.js";
import type { ZoneSource } from "../zone/source.js";
import { nextElapseUsec } from "../engine/next-elapse.js";
import { formatTimestamp, formatTimestampRelative } from "../timestamp/format-timestamp.js";
import { parseTimestampIn } from "../timestamp/parse-timestamp.js";
import { parseTimespan } from "../timespan/parse-timespan.js";
import { formatSpec } from "../spec/format.js";
import { TextChunks, displayWidth, tableLine } from "./table.js";

interface AnalyzeCalendarInput {
  specs: readonly string[];
  iterations: number;
  /** the base time in µs (systemd-analyze: --base-time, else the clock) */
  base: number;
  /** the clock in µs, for "From now:" */
  now: number;
  session: LibcSession;
  zones: ZoneSource;
  /** the program name used in hints, e.g. "unitlint" */
  program?: string;
}

export interface AnalyzeOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const STRERROR = { EINVAL: "Invalid argument", EDEADLK: "Resource deadlock avoided" } as const;

/**
 * What `systemd-analyze calendar [--iterations N] [--base-time T] SPEC...`
 * prints (src/analyze/analyze-calendar.c), computed in-process.
 */
export function analyzeCalendar(input: AnalyzeCalendarInput): AnalyzeOutput {
  const { session, zones } = input;
  let stdout = "";
  let stderr = "";
  let failed = false;
  input.specs.forEach((p, idx) => {
    const parsed = parseCalendarIn(p, session, zones);
    if (!parsed.ok) {
      stderr += `Failed to parse calendar specification '${p}': ${parsed.systemdMessage}\n`;
      if (parseTimestampIn(p, session, zones, BigInt(Math.round(input.now)), { zoneNames: "reject" }).ok) {
        stderr += `Hint: this expression is a valid timestamp, not a calendar specification.\n`;
      }
      if (parseTimespan(p).ok) {
        stderr += `Hint: this expression is a valid timespan. Use '${input.program ?? "unitlint"} timespan "${p}"' instead?\n`;
      }
      failed = true;
    } else {
      const head: [string, string][] = [];
      if (parsed.normalized !== p) head.push(["Original form:", p]);
      head.push(["Normalized form:", parsed.normalized]);
      // systemd computes every iteration first and formats the table afterwards
      // (format-table formats cells when printing); the order of localtime()
      // calls decides glibc's tzname[] for the next spec, so keep it.
      let n = input.base;
      let aborted = false;
      const elapses: number[] = [];
      for (let i = 0; i < input.iterations; i++) {
        const next = nextElapseUsec(parsed.spec, n, session, zones);
        if (next === "ENOENT") break;
        if (typeof next === "string") {
          // find_next() logs this itself, except in the forked child for a spec
          // with its own zone, whose log output goes nowhere
          if (next === "EDEADLK" && !parsed.spec.timezone) stderr += `Infinite loop in calendar calculation: ${formatSpec(parsed.spec, session.tzname)}\n`;
          stderr += `Failed to determine next elapse for '${p}': ${STRERROR[next]}\n`;
          failed = true;
          aborted = true;
          break;
        }
        elapses.push(next);
        n = next;
      }
      if (elapses.length === 0 && input.iterations > 0) head.push(["Next elapse:", "never"]);
      if (!aborted) stdout += elapseTable(head, elapses, session, input.now);
    }
    if (idx < input.specs.length - 1) stdout += "\n";
  });
  return { stdout, stderr, exitCode: failed ? 1 : 0 };
}

/**
 * The report's table: `head` rows, then three rows per elapse (two in UTC).
 * Elapse rows are formatted as they are written: they never end in
 * whitespace, so only their widths matter for the head rows' trimming, and
 * a report of 10,000 elapses need not hold 30,000 rows.
 */
function elapseTable(head: readonly [string, string][], elapses: readonly number[], session: LibcSession, now: number): string {
  const utcRow = !session.zone.isUtc;
  let labelWidth = Math.max(...head.map(([label]) => displayWidth(label)));
  if (elapses.length > 0) labelWidth = Math.max(labelWidth, "Next elapse:".length, `Iter. #${elapses.length}:`.length);
  const utcLabel = "(in UTC):".padStart(labelWidth) + " ";
  const nowLabel = "From now:".padStart(labelWidth) + " ";
  let valueWidth = Math.max(...head.map(([, value]) => displayWidth(value)));
  const body = new TextChunks();
  const spaces = " ".repeat(labelWidth);
  const widest = (v: string) => {
    if (v.length > valueWidth) valueWidth = v.length;
    return v;
  };
  // one piece per elapse: fewer, longer strings to keep until the join
  for (let i = 0; i < elapses.length; i++) {
    const next = elapses[i]!;
    const label = i === 0 ? "Next elapse:" : "Iter. #" + (i + 1) + ":";
    let piece = spaces.slice(label.length) + label + " " + widest(formatTimestamp(next, session) ?? "n/a") + "\n";
    if (utcRow) piece += utcLabel + widest(formatTimestamp(next, null, session) ?? "n/a") + "\n";
    body.push(piece + nowLabel + widest(formatTimestampRelative(next, now) ?? "n/a") + "\n");
  }
  let out = "";
  for (const [label, v] of head) out += tableLine(label, v, labelWidth, valueWidth);
  return out + body.toString();
}
