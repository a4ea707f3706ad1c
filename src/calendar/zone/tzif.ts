import { parsePosixTz, posixTzLookup, posixTzSpan, utcYearOf, type PosixTz } from "./posix-tz.js";
import type { Zone, ZoneInfo } from "./zone.js";

interface TType {
  offset: number;
  isdst: 0 | 1;
  abbr: string;
}

/** A leap-second record (tzfile(5)): from `transition` on, `correction` seconds have been inserted in all. */
interface LeapRecord {
  transition: number;
  correction: number;
}

interface TzifData {
  transitions: number[];
  typeIdx: number[];
  types: TType[];
  footer: string | undefined;
  /** Leap-second records, ascending: only the `right/` zones have them. */
  leaps: LeapRecord[];
}

const MAGIC = [0x54, 0x5a, 0x69, 0x66]; // "TZif" (tzfile(5))

export function isTzif(bytes: Uint8Array): boolean {
  return bytes.length >= 44 && MAGIC.every((b, i) => bytes[i] === b);
}

/**
 * Decode a compiled zoneinfo file (tzfile(5)). Like glibc with a 64-bit time_t,
 * the version-2+ block with 64-bit transition times and the POSIX TZ footer is
 * used when present. Returns undefined for anything malformed.
 */
export function parseTzif(bytes: Uint8Array): TzifData | undefined {
  if (!isTzif(bytes)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = (at: number) => {
    if (at + 44 > bytes.length) return undefined;
    const c = (k: number) => view.getUint32(at + 20 + 4 * k);
    return { version: bytes[at + 4]!, isutcnt: c(0), isstdcnt: c(1), leapcnt: c(2), timecnt: c(3), typecnt: c(4), charcnt: c(5) };
  };
  const blockSize = (h: NonNullable<ReturnType<typeof header>>, w: number) =>
    h.timecnt * w + h.timecnt + h.typecnt * 6 + h.charcnt + h.leapcnt * (w + 4) + h.isstdcnt + h.isutcnt;

  let h = header(0);
  if (!h) return undefined;
  let at = 44;
  let width = 4;
  if (h.version >= 0x32) {
    const h2 = header(44 + blockSize(h, 4));
    if (!h2) return undefined;
    at = 44 + blockSize(h, 4) + 44;
    h = h2;
    width = 8;
  }
  if (at + blockSize(h, width) > bytes.length) return undefined;
  const transitions: number[] = [];
  for (let i = 0; i < h.timecnt; i++) {
    transitions.push(width === 8 ? Number(view.getBigInt64(at + 8 * i)) : view.getInt32(at + 4 * i));
  }
  at += h.timecnt * width;
  const typeIdx = Array.from(bytes.subarray(at, at + h.timecnt));
  at += h.timecnt;
  const raw: { offset: number; isdst: 0 | 1; idx: number }[] = [];
  for (let i = 0; i < h.typecnt; i++) {
    raw.push({ offset: view.getInt32(at), isdst: bytes[at + 4] ? 1 : 0, idx: bytes[at + 5]! });
    at += 6;
  }
  const chars = bytes.subarray(at, at + h.charcnt);
  at += h.charcnt;
  const leaps: LeapRecord[] = [];
  for (let i = 0; i < h.leapcnt; i++) {
    const transition = width === 8 ? Number(view.getBigInt64(at)) : view.getInt32(at);
    leaps.push({ transition, correction: view.getInt32(at + width) });
    at += width + 4;
  }
  at += h.isstdcnt + h.isutcnt;
  if (typeIdx.some((i) => i >= raw.length) || raw.length === 0) return undefined;
  const name = (idx: number) => {
    let end = idx;
    while (end < chars.length && chars[end] !== 0) end++;
    return String.fromCharCode(...chars.subarray(idx, end));
  };
  const types = raw.map((r) => ({ offset: r.offset, isdst: r.isdst, abbr: name(r.idx) }));
  let footer: string | undefined;
  if (width === 8 && bytes[at] === 0x0a) {
    let end = at + 1;
    while (end < bytes.length && bytes[end] !== 0x0a) end++;
    const s = String.fromCharCode(...bytes.subarray(at + 1, end));
    if (s !== "") footer = s;
  }
  return { transitions, typeIdx, types, footer, leaps };
}

/**
 * glibc's leap-second handling in __tzfile_compute: the correction of the last
 * record at or before `t`, and at the very instant of an inserted second the
 * count of seconds to show as :60 (consecutive records count together).
 */
export function leapAt(leaps: readonly LeapRecord[], t: number): { correct: number; hit: number } {
  let i = leaps.length;
  do {
    if (i-- === 0) return { correct: 0, hit: 0 };
  } while (t < leaps[i]!.transition);
  const correct = leaps[i]!.correction;
  let hit = 0;
  if (t === leaps[i]!.transition && ((i === 0 && correct > 0) || (i > 0 && correct > leaps[i - 1]!.correction))) {
    hit = 1;
    while (i > 0 && leaps[i]!.transition === leaps[i - 1]!.transition + 1 && leaps[i]!.correction === leaps[i - 1]!.correction + 1) {
      hit++;
      i--;
    }
  }
  return { correct, hit };
}

/** A zone backed by a zoneinfo file, resolved exactly as glibc's __tzfile_compute does. */
export function tzifZone(name: string, bytes: Uint8Array): Zone | undefined {
  const data = parseTzif(bytes);
  if (!data) return undefined;
  const { transitions, typeIdx, types, leaps } = data;
  const n = transitions.length;
  const rule: PosixTz | undefined = data.footer === undefined ? undefined : parsePosixTz(data.footer);

  // tzname[] as glibc's __tzfile_read leaves it: the latest names of each flavour.
  const initial: [string | undefined, string | undefined] = [undefined, undefined];
  for (let i = n; i > 0;) {
    const ty = types[typeIdx[--i]!]!;
    if (initial[ty.isdst] === undefined) {
      initial[ty.isdst] = ty.abbr;
      if (initial[1 - ty.isdst] !== undefined) break;
    }
  }
  initial[0] ??= types[0]!.abbr;
  initial[1] ??= initial[0];

  let stdoff = types[0]!.offset;
  let dstoff = stdoff;
  if (n > 0) {
    let stdSet = false;
    let dstSet = false;
    stdoff = dstoff = 0;
    for (let i = n - 1; i >= 0; i--) {
      const ty = types[typeIdx[i]!]!;
      if (!stdSet && !ty.isdst) {
        stdSet = true;
        stdoff = ty.offset;
      } else if (!dstSet && ty.isdst) {
        dstSet = true;
        dstoff = ty.offset;
      }
      if (stdSet && dstSet) break;
    }
    if (!dstSet) dstoff = stdoff;
  }

  const beforeFirst = (): ZoneInfo => {
    let i = 0;
    let dstName: string | undefined;
    while (i < types.length && types[i]!.isdst) {
      dstName ??= types[i]!.abbr;
      i++;
    }
    if (i === types.length) i = 0;
    const ty = types[i]!;
    if (dstName === undefined) {
      for (let j = i; j < types.length; j++)
        if (types[j]!.isdst) {
          dstName = types[j]!.abbr;
          break;
        }
    }
    const std = ty.isdst ? (dstName ?? ty.abbr) : ty.abbr;
    return { gmtoff: ty.offset, isdst: ty.isdst, abbr: ty.abbr, tzname: [std, dstName ?? std] };
  };

  /** i: index of the first transition after t (1..n). */
  const found = (i: number): ZoneInfo => {
    const names: [string | undefined, string | undefined] = [undefined, undefined];
    const cur = types[typeIdx[i - 1]!]!;
    names[cur.isdst] = cur.abbr;
    for (let j = i; j < n; j++) {
      const ty = types[typeIdx[j]!]!;
      if (names[ty.isdst] === undefined) {
        names[ty.isdst] = ty.abbr;
        if (names[1 - ty.isdst] !== undefined) break;
      }
    }
    names[0] ??= names[1];
    names[1] ??= names[0];
    return { gmtoff: cur.offset, isdst: cur.isdst, abbr: cur.abbr, tzname: [names[0]!, names[1]!] };
  };

  const cache = new Map<number, ZoneInfo>();
  const lookup = (t: number): ZoneInfo => {
    if (n === 0 || t < transitions[0]!) return beforeFirst();
    if (t >= transitions[n - 1]!) {
      if (!rule) return found(n);
      return posixTzLookup(rule, t, utcYearOf(t));
    }
    let lo = 0;
    let hi = n - 1;
    while (lo + 1 < hi) {
      const mid = (lo + hi) >> 1;
      if (t < transitions[mid]!) hi = mid;
      else lo = mid;
    }
    let info = cache.get(hi);
    if (!info) {
      info = found(hi);
      cache.set(hi, info);
    }
    return info;
  };

  const span = (t: number) => {
    if (n === 0) return { info: lookup(t), from: -Infinity, to: Infinity };
    if (t < transitions[0]!) return { info: lookup(t), from: -Infinity, to: transitions[0]! };
    if (t >= transitions[n - 1]!) {
      if (!rule) return { info: lookup(t), from: transitions[n - 1]!, to: Infinity };
      const s = posixTzSpan(rule, t, utcYearOf(t));
      return { info: s.info, from: Math.max(s.from, transitions[n - 1]!), to: s.to };
    }
    let lo = 0;
    let hi = n - 1;
    while (lo + 1 < hi) {
      const mid = (lo + hi) >> 1;
      if (t < transitions[mid]!) hi = mid;
      else lo = mid;
    }
    return { info: lookup(t), from: transitions[hi - 1]!, to: transitions[hi]! };
  };

  return {
    name,
    lookup,
    span,
    initialTzname: [initial[0], initial[1]],
    isUtc: stdoff === 0 && dstoff === 0,
    ...(leaps.length > 0 ? { leap: (t: number) => leapAt(leaps, t) } : {}),
  };
}
