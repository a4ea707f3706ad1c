import { type LibcSession, type ZoneSource, parseTimestampIn } from "../calendar/index.js";
import { UsageError } from "./errors.js";

/** Arguments the calendar commands (`calendar`, `next`, `timespan`) share. */

export const nowUsec = () => Date.now() * 1000;

export function iterationsArg(v: string): number {
  if (!/^\d+$/.test(v) || Number(v) > 4294967295) throw new UsageError(`--iterations expects a whole number, got '${v}'`);
  return Number(v);
}

/** systemd-analyze parses --base-time in its own process before any spec, so it shares the session. */
export function baseTimeArg(text: string | undefined, session: LibcSession, zones: ZoneSource, now: number, zoneNames: "honour" | "reject" = "reject"): number {
  if (text === undefined) return now;
  const r = parseTimestampIn(text, session, zones, BigInt(now), { zoneNames });
  if (!r.ok) throw new UsageError(`Failed to parse --base-time= parameter: ${text} (${r.message})`);
  return Number(r.usec);
}
