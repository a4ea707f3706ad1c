import type { LibcSession } from "../libc/session.js";
import { gmtimeInto } from "../libc/mktime.js";
import type { Tm } from "../libc/tm.js";
import { USEC_TIMESTAMP_FORMATTABLE_MAX } from "../engine/find-next.js";

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const P2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0"));
const p2 = (n: number) => (n >= 0 && n < 100 ? P2[n]! : String(n).padStart(2, "0"));

// Reused: formatting runs once or twice per elapse in a report of thousands.
const tm: Tm = { sec: 0, min: 0, hour: 0, mday: 1, mon: 0, year: 70, wday: 4, yday: 0, isdst: 0, gmtoff: 0, zone: "" };

// The date part of the last local and the last UTC timestamp formatted: consecutive elapses mostly share a day.
const lastDay = [
  { year: NaN, yday: NaN, text: "" },
  { year: NaN, yday: NaN, text: "" },
];

function datePart(slot: number): string {
  const last = lastDay[slot]!;
  if (last.year !== tm.year || last.yday !== tm.yday) {
    last.year = tm.year;
    last.yday = tm.yday;
    last.text = `${WEEKDAYS[tm.wday]} ${String(tm.year + 1900).padStart(4, "0")}-${p2(tm.mon + 1)}-${p2(tm.mday)} `;
  }
  return last.text;
}

/**
 * systemd's format_timestamp() / format_timestamp_style(UTC):
 * "Thu 2026-01-01 10:00:00 CET". Returns undefined for an unset (0) time.
 * In UTC (`session` null), `process` is the session whose TZ glibc has loaded:
 * with a leap-second zone (right/...) gmtime counts the leap seconds too.
 */
export function formatTimestamp(usec: number, session: LibcSession | null, process?: LibcSession): string | undefined {
  if (!(usec > 0)) return undefined;
  if (usec > USEC_TIMESTAMP_FORMATTABLE_MAX) return "--- XXXX-XX-XX XX:XX:XX";
  const sec = Math.floor(usec / 1_000_000);
  if (!(session ? session.localtimeInto(sec, tm) : gmtimeInto(sec, tm, process?.zone))) return undefined;
  const s = datePart(session ? 0 : 1) + p2(tm.hour) + ":" + p2(tm.min) + ":" + p2(tm.sec);
  if (!session) return s + " UTC";
  return tm.zone !== "" ? s + " " + tm.zone : s;
}

const USEC_PER_SEC = 1_000_000;
const USEC_PER_MINUTE = 60 * USEC_PER_SEC;
const USEC_PER_HOUR = 60 * USEC_PER_MINUTE;
const USEC_PER_DAY = 24 * USEC_PER_HOUR;
const USEC_PER_WEEK = 7 * USEC_PER_DAY;
const USEC_PER_MONTH = 2629800 * USEC_PER_SEC;
const USEC_PER_YEAR = 31557600 * USEC_PER_SEC;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** systemd's format_timestamp_relative(): "10 months 20 days ago", "3h 5min left". */
export function formatTimestampRelative(usec: number, nowUsec: number): string | undefined {
  if (!(usec > 0)) return undefined;
  const past = nowUsec > usec;
  const d = past ? nowUsec - usec : usec - nowUsec;
  const s = past ? "ago" : "left";
  const f = Math.floor;
  if (d >= USEC_PER_YEAR) return `${plural(f(d / USEC_PER_YEAR), "year", "years")} ${plural(f((d % USEC_PER_YEAR) / USEC_PER_MONTH), "month", "months")} ${s}`;
  if (d >= USEC_PER_MONTH) return `${plural(f(d / USEC_PER_MONTH), "month", "months")} ${plural(f((d % USEC_PER_MONTH) / USEC_PER_DAY), "day", "days")} ${s}`;
  if (d >= USEC_PER_WEEK) return `${plural(f(d / USEC_PER_WEEK), "week", "weeks")} ${plural(f((d % USEC_PER_WEEK) / USEC_PER_DAY), "day", "days")} ${s}`;
  if (d >= 2 * USEC_PER_DAY) return `${f(d / USEC_PER_DAY)} days ${s}`;
  if (d >= 25 * USEC_PER_HOUR) return `1 day ${f((d - USEC_PER_DAY) / USEC_PER_HOUR)}h ${s}`;
  if (d >= 6 * USEC_PER_HOUR) return `${f(d / USEC_PER_HOUR)}h ${s}`;
  if (d >= USEC_PER_HOUR) return `${f(d / USEC_PER_HOUR)}h ${f((d % USEC_PER_HOUR) / USEC_PER_MINUTE)}min ${s}`;
  if (d >= 5 * USEC_PER_MINUTE) return `${f(d / USEC_PER_MINUTE)}min ${s}`;
  if (d >= USEC_PER_MINUTE) return `${f(d / USEC_PER_MINUTE)}min ${f((d % USEC_PER_MINUTE) / USEC_PER_SEC)}s ${s}`;
  if (d >= USEC_PER_SEC) return `${f(d / USEC_PER_SEC)}s ${s}`;
  if (d >= 1000) return `${f(d / 1000)}ms ${s}`;
  if (d > 0) return `${d}us ${s}`;
  return "now";
}
