/** LimitCPU=, LimitNOFILE= and the other resource limits (config_parse_rlimit): `SOFT[:HARD]`, each a value in the limit's own unit or `infinity`. */
import { parseTimespan } from "../calendar/index.js";
import { problemAt, type ValueProblem } from "./problem.js";
import { safeAtou64 } from "./scan.js";
import { parseSize } from "./size.js";

const RLIM_INFINITY = (1n << 64n) - 1n;

type Parse = (v: string) => bigint | string;

const count: Parse = (v) => {
  const n = safeAtou64(v);
  return n === undefined ? "is not a number or 'infinity'" : n >= RLIM_INFINITY ? "is out of range" : n;
};
const size: Parse = (v) => {
  const s = parseSize(v);
  return !s.ok
    ? s.overflow
      ? "is larger than 16E"
      : "is not a size such as 8M or 'infinity' (suffixes K, M, G, T, P, E)"
    : s.bytes >= RLIM_INFINITY
      ? "is out of range"
      : s.bytes;
};
const seconds: Parse = (v) => {
  const t = parseTimespan(v);
  if (!t.ok) return "is not a time span such as 30s or 1h, or 'infinity'";
  if (t.infinity) return RLIM_INFINITY;
  return (t.usec + 999_999n) / 1_000_000n;
};
const micros: Parse = (v) => {
  const t = parseTimespan(v, 1n);
  if (!t.ok) return "is not a time span (plain numbers are microseconds) or 'infinity'";
  return t.infinity ? RLIM_INFINITY : t.usec;
};
/** RLIMIT_NICE: +N (nice level 0..19), -N (-20..0), or the raw value 0..40. */
const nice: Parse = (v) => {
  const n = safeAtou64(/^[+-]/.test(v) ? v.slice(1) : v);
  if (n === undefined)
    return `is not a nice level (-20..19, written with its sign) or a raw limit 0..40${v === "infinity" ? " ('infinity' does not apply to LimitNICE=)" : ""}`;
  if (v.startsWith("+")) return n >= 20n ? "is out of range (nice levels go up to +19)" : 20n - n;
  if (v.startsWith("-")) return n > 20n ? "is out of range (nice levels go down to -20)" : 20n + n;
  return n > 40n ? "is out of range (raw limits go up to 40)" : n;
};

const BY_LIMIT: Record<string, Parse> = {
  RLIMIT_CPU: seconds,
  RLIMIT_FSIZE: size,
  RLIMIT_DATA: size,
  RLIMIT_STACK: size,
  RLIMIT_CORE: size,
  RLIMIT_RSS: size,
  RLIMIT_NOFILE: count,
  RLIMIT_AS: size,
  RLIMIT_NPROC: count,
  RLIMIT_MEMLOCK: size,
  RLIMIT_LOCKS: count,
  RLIMIT_SIGPENDING: count,
  RLIMIT_MSGQUEUE: size,
  RLIMIT_NICE: nice,
  RLIMIT_RTPRIO: count,
  RLIMIT_RTTIME: micros,
};

export function rlimit(value: string, setting: string, ltype: string): ValueProblem | null {
  const parse = BY_LIMIT[ltype];
  if (!parse) return null;
  // rlimit_parse_nice() alone has no 'infinity' (a nice level has no such value)
  const one = (v: string): bigint | string => (v === "infinity" && parse !== nice ? RLIM_INFINITY : parse(v));
  const colon = value.indexOf(":");
  const softText = colon < 0 ? value : value.slice(0, colon);
  const rest = colon < 0 ? undefined : value.slice(colon + 1);
  const dropped = `systemd ignores the line, so ${setting}= keeps its default`;
  const soft = one(softText);
  if (typeof soft === "string")
    return problemAt(0, Math.max(softText.length, 1), `${softText === "" ? "an empty limit" : `'${softText}'`} ${soft}: ${dropped}`);
  if (rest === undefined) return null;
  // rlimit_parse() cuts the hard limit at the next ':' and wants nothing after that colon (so "1:2:" passes)
  const second = rest.indexOf(":");
  const hardText = second < 0 ? rest : rest.slice(0, second);
  if (second >= 0 && second < rest.length - 1) return problemAt(colon + 1 + second, value.length, `a limit has at most two parts, SOFT:HARD: ${dropped}`);
  const hard = one(hardText);
  if (typeof hard === "string")
    return problemAt(
      colon + 1,
      colon + 1 + Math.max(hardText.length, 1),
      `${hardText === "" ? "the hard limit after ':' is empty" : `hard limit '${hardText}' ${hard}`}: ${dropped}`,
    );
  if (soft > hard) return problemAt(0, value.length, `the soft limit ${softText} is above the hard limit ${hardText}: ${dropped}`);
  return null;
}
