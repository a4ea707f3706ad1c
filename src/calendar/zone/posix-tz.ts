import { type CivilDate, MON_YDAY, civilFromDays, isLeapYear } from "../libc/tm.js";
import type { Zone, ZoneInfo } from "./zone.js";

/** One of the two transition rules of a POSIX TZ string (tzset(3)). */
interface TzRule {
  name: string;
  /** seconds east of UTC */
  offset: number;
  type: "J0" | "J1" | "M";
  m: number;
  n: number;
  d: number;
  /** time of day of the change, local seconds */
  secs: number;
}

export interface PosixTz {
  rules: [TzRule, TzRule];
  /** true when the string had a DST part with rules */
  hasDst: boolean;
}

const isAlpha = (c: string | undefined) => c !== undefined && /^[A-Za-z]$/.test(c);
const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";

function newRule(): TzRule {
  return { name: "", offset: 0, type: "J0", m: 0, n: 0, d: 0, secs: 0 };
}

/** sscanf("%hu%n:%hu%n:%hu%n") as glibc's parse_offset and parse_rule use it. */
function scanHms(s: string, i: number): { hh: number; mm: number; ss: number; end: number } | null {
  const num = (j: number) => {
    let k = j;
    while (isDigit(s[k])) k++;
    return k === j ? null : { v: Number(s.slice(j, k)) % 65536, end: k };
  };
  const h = num(i);
  if (!h) return null;
  let mm = 0;
  let ss = 0;
  let end = h.end;
  if (s[end] === ":") {
    const m = num(end + 1);
    if (m) {
      mm = m.v;
      end = m.end;
      if (s[end] === ":") {
        const x = num(end + 1);
        if (x) {
          ss = x.v;
          end = x.end;
        }
      }
    }
  }
  return { hh: h.v, mm, ss, end };
}

/**
 * Parse a POSIX TZ string like glibc's __tzset_parse_tz: "CET-1CEST,M3.5.0,M10.5.0/3",
 * "<+0545>-5:45". A part that fails to parse leaves glibc's defaults, as glibc does.
 */
export function parsePosixTz(tz: string): PosixTz {
  const rules: [TzRule, TzRule] = [newRule(), newRule()];
  let p = 0;
  let hasDst = false;

  const parseName = (which: 0 | 1): boolean => {
    let q = p;
    while (isAlpha(tz[q])) q++;
    let start = p;
    let len = q - p;
    if (len < 3) {
      q = p;
      if (tz[q++] !== "<") return false;
      start = q;
      while (tz[q] !== undefined && /[A-Za-z0-9+-]/.test(tz[q]!)) q++;
      len = q - start;
      if (tz[q++] !== ">" || len < 3) return false;
    }
    rules[which].name = tz.slice(start, start + len);
    p = q;
    return true;
  };

  const parseOffset = (which: 0 | 1): boolean => {
    const c = tz[p];
    if (which === 0 && (c === undefined || (c !== "+" && c !== "-" && !isDigit(c)))) return false;
    let sign = -1;
    if (c === "-" || c === "+") {
      sign = c === "-" ? 1 : -1;
      p++;
    }
    const hms = scanHms(tz, p);
    if (hms) {
      rules[which].offset = sign * Math.min(hms.hh, 24) * 3600 + sign * Math.min(hms.mm, 59) * 60 + sign * Math.min(hms.ss, 59);
      p = hms.end;
    } else if (which === 0) {
      rules[0].offset = 0;
      return false;
    } else rules[1].offset = rules[0].offset + 3600;
    return true;
  };

  const parseRule = (which: 0 | 1): boolean => {
    const r = rules[which];
    if (tz[p] === ",") p++;
    const c = tz[p];
    if (c === "J" || isDigit(c)) {
      r.type = c === "J" ? "J1" : "J0";
      if (r.type === "J1" && !isDigit(tz[++p])) return false;
      let q = p;
      while (isDigit(tz[q])) q++;
      if (q === p) return false;
      const d = Number(tz.slice(p, q));
      if (d > 365 || (r.type === "J1" && d === 0)) return false;
      r.d = d;
      p = q;
    } else if (c === "M") {
      const m = /^M(\d+)\.(\d+)\.(\d+)/.exec(tz.slice(p));
      if (!m) return false;
      r.type = "M";
      r.m = Number(m[1]);
      r.n = Number(m[2]);
      r.d = Number(m[3]);
      if (r.m < 1 || r.m > 12 || r.n < 1 || r.n > 5 || r.d > 6) return false;
      p += m[0].length;
    } else if (c === undefined) {
      // glibc's default: the U.S. rules of the Energy Policy Act of 2005
      r.type = "M";
      r.m = which === 0 ? 3 : 11;
      r.n = which === 0 ? 2 : 1;
      r.d = 0;
    } else return false;
    if (tz[p] !== undefined && tz[p] !== "/" && tz[p] !== ",") return false;
    if (tz[p] === "/") {
      p++;
      if (tz[p] === undefined) return false;
      const negative = tz[p] === "-";
      if (negative) p++;
      const hms = scanHms(tz, p);
      const hh = hms ? hms.hh : 2;
      if (hms) p = hms.end;
      r.secs = (negative ? -1 : 1) * (hh * 3600 + (hms?.mm ?? 0) * 60 + (hms?.ss ?? 0));
    } else r.secs = 7200;
    return true;
  };

  if (parseName(0) && parseOffset(0)) {
    if (p < tz.length) {
      if (parseName(1)) {
        parseOffset(1);
        hasDst = true;
      }
      if (parseRule(0)) parseRule(1);
    } else {
      rules[1].name = rules[0].name;
      rules[1].offset = rules[0].offset;
    }
  }
  return { rules, hasDst: hasDst && rules[0].offset !== rules[1].offset };
}

const dayStart = (year: number) => {
  if (year <= 1970) return 0;
  const y = year - 1;
  return ((year - 1970) * 365 + (Math.trunc(y / 4) - 492) - (Math.trunc(y / 100) - 19) + (Math.trunc(y / 400) - 4)) * 86400;
};

/** glibc compute_change: the instant in `year` (a UTC year) when `rule` takes effect. */
function computeChange(rule: TzRule, year: number): number {
  let t = dayStart(year);
  if (rule.type === "J1") {
    t += (rule.d - 1) * 86400;
    if (rule.d >= 60 && isLeapYear(year)) t += 86400;
  } else if (rule.type === "J0") t += rule.d * 86400;
  else {
    const myday = MON_YDAY[isLeapYear(year) ? 1 : 0]!;
    t += myday[rule.m - 1]! * 86400;
    const m1 = ((rule.m + 9) % 12) + 1;
    const yy0 = rule.m <= 2 ? year - 1 : year;
    const yy1 = Math.trunc(yy0 / 100);
    const yy2 = yy0 % 100;
    let dow = (Math.trunc((26 * m1 - 2) / 10) + 1 + yy2 + Math.trunc(yy2 / 4) + Math.trunc(yy1 / 4) - 2 * yy1) % 7;
    if (dow < 0) dow += 7;
    let d = rule.d - dow;
    if (d < 0) d += 7;
    for (let i = 1; i < rule.n; i++) {
      if (d + 7 >= myday[rule.m]! - myday[rule.m - 1]!) break;
      d += 7;
    }
    t += d * 86400;
  }
  return t - rule.offset + rule.secs;
}

interface Compiled {
  infos: [ZoneInfo, ZoneInfo];
  changes: Map<number, [number, number]>;
}
const compiled = new WeakMap<PosixTz, Compiled>();

/** posixTzLookup plus the instants around `t` over which the answer holds. */
export function posixTzSpan(tz: PosixTz, t: number, utcYear: number): { info: ZoneInfo; from: number; to: number } {
  const info = posixTzLookup(tz, t, utcYear);
  // the answer can only change at a year boundary (rules are evaluated per UTC year) or a change instant
  let from = Date.UTC(utcYear, 0, 1) / 1000;
  let to = Date.UTC(utcYear + 1, 0, 1) / 1000;
  const ch = compiled.get(tz)?.changes.get(utcYear);
  if (ch) {
    for (const c of ch) {
      if (c <= t && c > from) from = c;
      if (c > t && c < to) to = c;
    }
  }
  return { info, from, to };
}

/** Which rule applies at `t` (glibc __tz_compute), given the UTC year of `t`. */
export function posixTzLookup(tz: PosixTz, t: number, utcYear: number): ZoneInfo {
  let c = compiled.get(tz);
  if (!c) {
    const [std, dst] = tz.rules;
    const tzname: readonly [string, string] = [std.name, dst.name];
    c = {
      infos: [
        { gmtoff: std.offset, isdst: 0, abbr: std.name, tzname },
        { gmtoff: dst.offset, isdst: 1, abbr: dst.name, tzname },
      ],
      changes: new Map(),
    };
    compiled.set(tz, c);
  }
  if (tz.rules[1].name === tz.rules[0].name && tz.rules[1].offset === tz.rules[0].offset) return c.infos[0];
  let ch = c.changes.get(utcYear);
  if (!ch) {
    ch = [computeChange(tz.rules[0], utcYear), computeChange(tz.rules[1], utcYear)];
    c.changes.set(utcYear, ch);
  }
  const [c0, c1] = ch;
  const on = c0 > c1 ? t < c1 || t >= c0 : t >= c0 && t < c1;
  return c.infos[on ? 1 : 0];
}

const scratchDate: CivilDate = { year: 1970, month: 1, day: 1 };
/** The civil year of a UTC instant. */
const utcYearOf = (t: number) => civilFromDays(Math.floor(t / 86400), scratchDate).year;

export { utcYearOf };

/** A zone given only by a POSIX TZ string (TZ=EST5EDT,... when no zoneinfo file has that name). */
export function posixZone(name: string, spec: string): Zone {
  const tz = parsePosixTz(spec);
  const tzname: [string, string] = [tz.rules[0].name, tz.rules[1].name];
  return {
    name,
    lookup: (t) => posixTzLookup(tz, t, utcYearOf(t)),
    span: (t) => posixTzSpan(tz, t, utcYearOf(t)),
    initialTzname: tzname,
    isUtc: tz.rules[0].offset === 0 && tz.rules[1].offset === 0,
  };
}
