import type { LibcSession } from "../libc/session.js";

const p2 = (n: number) => String(n).padStart(2, "0");

/** ISO 8601 with the zone's offset and microseconds when present: 2026-01-01T10:00:00+01:00. */
export function isoWithOffset(usec: number, session: LibcSession): string {
  const sec = Math.floor(usec / 1_000_000);
  const frac = usec - sec * 1_000_000;
  const tm = session.localtime(sec);
  if (!tm) return new Date(usec / 1000).toISOString();
  const off = tm.gmtoff;
  const a = Math.abs(off);
  const offText = `${off < 0 ? "-" : "+"}${p2(Math.floor(a / 3600))}:${p2(Math.floor((a % 3600) / 60))}`;
  const fracText = frac ? "." + String(frac).padStart(6, "0").replace(/0+$/, "") : "";
  return `${String(tm.year + 1900).padStart(4, "0")}-${p2(tm.mon + 1)}-${p2(tm.mday)}T${p2(tm.hour)}:${p2(tm.min)}:${p2(tm.sec)}${fracText}${offText}`;
}
