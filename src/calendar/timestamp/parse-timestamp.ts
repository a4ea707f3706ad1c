import type { LibcSession } from "../libc/session.js";
import { type Tm, copyTm } from "../libc/tm.js";
import { localtimeOrGmtime, mktimeOrTimegm } from "../libc/mktime.js";
import { endsWithNoCase } from "../parser/ascii.js";
import { isZoneNameSyntax } from "../parser/suffix.js";
import { parseTimespan } from "../timespan/parse-timespan.js";
import type { ZoneSource } from "../zone/source.js";
import { strptime } from "./strptime.js";

const USEC_TIMESTAMP_FORMATTABLE_MAX_BIG = 253402214399000000n;

export type TimestampResult = { ok: true; usec: bigint } | { ok: false; errno: "EINVAL" | "ERANGE"; message: string };

const WEEKDAYS: readonly [string, number][] = [
  ["Sunday", 0],
  ["Sun", 0],
  ["Monday", 1],
  ["Mon", 1],
  ["Tuesday", 2],
  ["Tue", 2],
  ["Wednesday", 3],
  ["Wed", 3],
  ["Thursday", 4],
  ["Thu", 4],
  ["Friday", 5],
  ["Fri", 5],
  ["Saturday", 6],
  ["Sat", 6],
];

/** strptime formats in the order parse_timestamp_impl() tries them; `usec` ones may end in ".FRACTION". */
const FORMATS: readonly [string, "usec" | "exact", boolean][] = [
  ["%y-%m-%d %H:%M:%S", "usec", false],
  ["%Y-%m-%d %H:%M:%S", "usec", false],
  ["%b %d %H:%M:%S", "usec", false],
  ["%y-%m-%d %H:%M", "exact", true],
  ["%Y-%m-%d %H:%M", "exact", true],
  ["%y-%m-%d", "exact", true],
  ["%Y-%m-%d", "exact", true],
  ["%H:%M:%S", "usec", false],
  ["%H:%M", "exact", true],
];

const einval = (message: string): TimestampResult => ({ ok: false, errno: "EINVAL", message });

function sec(text: string): bigint | null {
  const r = parseTimespan(text);
  return r.ok ? r.usec : null;
}

function impl(input: string, withTz: boolean, session: LibcSession, nowUsec: bigint): TimestampResult {
  let t = input;
  if (t.startsWith("@") && !withTz) {
    const r = parseTimespan(t.slice(1));
    return r.ok ? { ok: true, usec: r.usec } : { ok: false, errno: r.errno, message: r.message };
  }
  let ret = nowUsec;
  let plus = 0n;
  let minus = 0n;
  let utc = false;
  let dst = -1;
  const finish = (): TimestampResult => {
    ret += plus;
    if (ret > USEC_TIMESTAMP_FORMATTABLE_MAX_BIG) return einval("the time is after the year 9999");
    if (ret < minus) return einval("the time is before 1970");
    return { ok: true, usec: ret - minus };
  };
  if (!withTz) {
    if (t === "now") return finish();
    const relative = (s: string, sign: 1 | -1): TimestampResult => {
      const v = sec(s);
      if (v === null) return einval(`'${s}' is not a time span`);
      if (sign > 0) plus = v;
      else minus = v;
      return finish();
    };
    if (t.startsWith("+")) return relative(t.slice(1), 1);
    if (t.startsWith("-")) return relative(t.slice(1), -1);
    if (t.endsWith(" ago")) return relative(t.slice(0, -4), -1);
    if (t.endsWith(" left")) return relative(t.slice(0, -5), 1);
    if (endsWithNoCase(t, " UTC")) {
      utc = true;
      t = t.slice(0, -4);
    } else {
      for (const j of [0, 1] as const) {
        const name = session.tzname[j];
        if (!name || !endsWithNoCase(t, name)) continue;
        const e = t.length - name.length;
        if (e === 0 || t[e - 1] !== " ") continue;
        t = t.slice(0, e - 1);
        dst = j;
        break;
      }
    }
  }
  const tm0 = localtimeOrGmtime(Number(nowUsec / 1000000n), utc, session);
  if (!tm0) return einval("the current time cannot be represented");
  let tm: Tm = tm0;
  tm.isdst = dst;
  let xUsec = 0n;
  const day = (delta: number) => {
    tm.mday += delta;
    tm.sec = tm.min = tm.hour = 0;
  };
  let matched = false;
  let weekday = -1;
  if (t === "today" || t === "yesterday" || t === "tomorrow") {
    day(t === "today" ? 0 : t === "yesterday" ? -1 : 1);
    matched = true;
  } else {
    for (const [name, nr] of WEEKDAYS) {
      if (t.length > name.length && t.slice(0, name.length).toLowerCase() === name.toLowerCase() && t[name.length] === " ") {
        weekday = nr;
        t = t.slice(name.length + 1);
        break;
      }
    }
    const copy = copyTm(tm);
    for (const [fmt, kind, zeroSecs] of FORMATS) {
      tm = copyTm(copy);
      const k = strptime(t, fmt, tm);
      if (k < 0) continue;
      if (kind === "usec" && t[k] === ".") {
        const m = /^[0-9]+/.exec(t.slice(k + 1));
        if (!m || k + 1 + m[0].length !== t.length) return einval("a fraction of a second must be digits only");
        let v = Number((m[0].slice(0, 6) + "000000").slice(0, 6));
        if ((m[0][6] ?? "0") >= "5") v++;
        xUsec = BigInt(v);
        matched = true;
        break;
      }
      if (k === t.length) {
        if (zeroSecs) {
          tm.sec = 0;
          if (fmt.endsWith("%d")) tm.min = tm.hour = 0;
        }
        matched = true;
        break;
      }
    }
  }
  if (!matched) return einval("not a timestamp systemd understands (e.g. 2026-01-01 00:00:00 UTC, @1767225600, now, +1h)");
  if (weekday >= 0 && tm.wday !== weekday) return einval("the weekday does not match the date");
  const x = mktimeOrTimegm(tm, utc, session);
  if (x === null || x < 0) return einval("the time cannot be represented");
  ret = BigInt(x) * 1000000n + xUsec;
  if (ret > USEC_TIMESTAMP_FORMATTABLE_MAX_BIG) return einval("the time is after the year 9999");
  return finish();
}

/**
 * systemd 252's parse_timestamp() (time-util.c), as `--base-time` takes it: a
 * last word naming a zone is honoured by evaluating in that zone (systemd forks
 * with TZ set), " UTC" and the local zone abbreviations are understood, and
 * "now", "today", "+5min", "-1d", "2 hours ago", "@EPOCH" are relative to `nowUsec`.
 * `zoneNames: "reject"` reproduces systemd-analyze 252, which fails on a
 * trailing zone name such as "Europe/Berlin" (its forked parse never succeeds).
 */
export function parseTimestampIn(
  text: string,
  session: LibcSession,
  zones: ZoneSource,
  nowUsec: bigint,
  opts: { zoneNames?: "honour" | "reject" } = {},
): TimestampResult {
  const lastSpace = text.lastIndexOf(" ");
  const tzName = lastSpace >= 0 ? text.slice(lastSpace + 1) : undefined;
  const zone = tzName !== undefined && isZoneNameSyntax(tzName) ? zones.load(tzName) : undefined;
  if (!zone || endsWithNoCase(text, " UTC")) return impl(text, false, session, nowUsec);
  // systemd 252 evaluates this case in a forked child, and the 252 builds we
  // test against (Debian 252.38) fail it every time with EINVAL
  if (opts.zoneNames === "reject") return einval(`systemd 252 does not accept a zone name ('${tzName}') after a timestamp; use UTC or @SECONDS`);
  const child = session.fork(zone);
  const withTz = tzName !== child.tzname[0] && tzName !== child.tzname[1];
  return impl(withTz ? text.slice(0, lastSpace) : text, withTz, child, nowUsec);
}
