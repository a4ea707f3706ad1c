import { utcYearOf } from "./posix-tz.js";
import type { Zone, ZoneInfo } from "./zone.js";

/**
 * A zone backed by the JavaScript engine's time zone data (Intl), for hosts
 * without /usr/share/zoneinfo (browsers, Windows). Offsets are exact;
 * tm_isdst and abbreviations are reconstructed, because Intl exposes neither:
 * DST is "above the year's lowest offset", names are Intl's short names or
 * tzdata's numeric style ("+0545").
 */
export function intlZone(name: string): Zone | undefined {
  if (!isIntlZoneName(name)) return undefined;
  const offsetAt = utcOffsetReader(name);
  const years = new Map<number, YearTable>();
  const table = (year: number) => {
    let y = years.get(year);
    if (!y) {
      y = buildYear(year, offsetAt, (t) => abbreviation(name, t, offsetAt(t)));
      years.set(year, y);
    }
    return y;
  };
  const span = (t: number) => {
    const year = utcYearOf(t);
    const y = table(year);
    let i = y.spans.length - 1;
    while (i > 0 && y.spans[i]!.from > t) i--;
    const s = y.spans[i]!;
    // the year's table starts each year afresh: a span ends at the year's end at the latest
    return { info: s.info, from: s.from, to: i + 1 < y.spans.length ? y.spans[i + 1]!.from : Date.UTC(year + 1, 0, 1) / 1000 };
  };
  const now = utcYearOf(Date.now() / 1000);
  const cur = table(now);
  return {
    name,
    lookup: (t) => span(t).info,
    span,
    initialTzname: cur.tzname,
    isUtc: cur.spans.every((s) => s.offset === 0),
  };
}

interface YearTable {
  spans: { from: number; offset: number; abbr: string; info: ZoneInfo }[];
  minOffset: number;
  tzname: [string, string];
}

/**
 * How far apart a year's offsets are sampled before each change is searched to
 * the second. A change and its reversal closer together than this could be
 * missed; the closest pair since 1970 in tzdata 2024 is 167 hours apart
 * (America/Noronha in 2000, Asia/Gaza's predicted Ramadan breaks; see
 * test/calendar/intl-offset.test.ts). Two days keeps a wide margin and makes
 * a year's table 12 times cheaper than six-hour steps did: a never-elapsing
 * spec searched to 2199 builds 230 of them.
 */
const STEP = 2 * 86400;

function buildYear(year: number, offsetAt: (t: number) => number, abbrAt: (t: number) => string): YearTable {
  const start = Date.UTC(year, 0, 1) / 1000;
  const end = Date.UTC(year + 1, 0, 1) / 1000;
  const spans = [{ from: start, offset: offsetAt(start), abbr: abbrAt(start) }];
  let prev = spans[0]!.offset;
  for (let t = start + STEP; t < end + STEP; t += STEP) {
    const o = offsetAt(Math.min(t, end));
    if (o === prev) continue;
    // binary search the exact second of the change
    let lo = t - STEP;
    let hi = Math.min(t, end);
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetAt(mid) === prev) lo = mid;
      else hi = mid;
    }
    if (hi < end) spans.push({ from: hi, offset: o, abbr: abbrAt(hi) });
    prev = o;
  }
  const minOffset = Math.min(...spans.map((s) => s.offset));
  const std = spans.find((s) => s.offset === minOffset)!.abbr;
  const dst = spans.find((s) => s.offset > minOffset)?.abbr ?? std;
  const tzname: [string, string] = [std, dst];
  // one answer per span, made once: lookups run per mktime() probe
  return { spans: spans.map((s) => ({ ...s, info: { gmtoff: s.offset, isdst: s.offset > minOffset ? 1 : 0, abbr: s.abbr, tzname } })), minOffset, tzname };
}

/**
 * The zone's UTC offset in seconds at a Unix time (seconds): the wall clock
 * Intl shows for that instant, read back as if it were UTC, minus the instant
 * (what luxon's IANAZone did; reading it here saves the CLI and the playground
 * 70 KiB of date library).
 */
export function utcOffsetReader(zone: string): (t: number) => number {
  const dtf = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    era: "short",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  return (t) => {
    const s = Math.floor(t);
    let year = 0;
    let month = 1;
    let day = 1;
    let hour = 0;
    let minute = 0;
    let second = 0;
    let bc = false;
    for (const p of dtf.formatToParts(s * 1000)) {
      switch (p.type) {
        case "year":
          year = Number(p.value);
          break;
        case "month":
          month = Number(p.value);
          break;
        case "day":
          day = Number(p.value);
          break;
        case "hour":
          hour = Number(p.value) % 24;
          break;
        case "minute":
          minute = Number(p.value);
          break;
        case "second":
          second = Number(p.value);
          break;
        case "era":
          bc = /^B/i.test(p.value);
          break;
      }
    }
    if (bc) year = 1 - year;
    // Date.UTC maps years 0-99 to 1900-1999: shift those by 400 years (146,097 days, the Gregorian cycle).
    const shift = year >= 0 && year < 100 ? 400 : 0;
    const wall = Date.UTC(year + shift, month - 1, day, hour, minute, second) / 1000 - shift * 146097 * 86400;
    return Math.round(wall - s);
  };
}

const GMT_FORM = /^(GMT|UTC)([+-]\d{1,2}(:\d\d)?)?$/;

const shortNameFormats = new Map<string, Intl.DateTimeFormat>();

function shortName(locale: string, zone: string, t: number): string {
  const key = `${locale} ${zone}`;
  let dtf = shortNameFormats.get(key);
  if (!dtf) shortNameFormats.set(key, (dtf = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "short" })));
  return dtf.formatToParts(t * 1000).find((p) => p.type === "timeZoneName")?.value ?? "";
}

function abbreviation(zone: string, t: number, offset: number): string {
  for (const locale of ["en-US", "en-GB"]) {
    const s = shortName(locale, zone, t);
    if (!GMT_FORM.test(s) || (offset === 0 && (s === "GMT" || s === "UTC"))) return s;
  }
  const sign = offset < 0 ? "-" : "+";
  const a = Math.abs(offset);
  const hh = String(Math.floor(a / 3600)).padStart(2, "0");
  const mm = Math.floor((a % 3600) / 60);
  return sign + hh + (mm ? String(mm).padStart(2, "0") : "");
}

/**
 * Whether the JavaScript engine knows a zone by exactly this name. systemd looks
 * zone names up as files, so case matters; aliases ("US/Eastern") are fine.
 */
export function isIntlZoneName(name: string): boolean {
  if (!/^[A-Za-z0-9_+-]+(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    const resolved = new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
    return resolved === name || resolved.toLowerCase() !== name.toLowerCase();
  } catch {
    return false;
  }
}

/** The zone the JavaScript engine runs in (the host's), by name; "UTC" when it cannot tell. */
export function hostZoneName(): string {
  try {
    return new Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}
